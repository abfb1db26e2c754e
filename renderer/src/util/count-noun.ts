/** "1 message", "3 messages": a count with its noun in the right number. */
export const countNoun = (count: number, one: string, many = `${one}s`) => `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
