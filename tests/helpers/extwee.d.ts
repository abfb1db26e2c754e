/** The part of extwee the export tests use (its own typings are not reachable through its package exports). */
declare module 'extwee' {
  export interface Passage {
    name: string;
    text: string;
    tags: string[];
  }
  export interface Story {
    name: string;
    start: string;
    passages: Passage[];
    getPassageByName(name: string): Passage | null;
    toTwine2HTML(): string;
  }
  export function parseTwee(text: string): Story;
  export function parseTwine2HTML(html: string): Story;
}
