import { useReveal } from '../search/reveal-store';

/** Opens another section with one of its items selected, at one of its dialogue nodes when given, as the search results do. */
export function openItem(kind: 'npc' | 'dialogue' | 'quest', id: string, nodeId?: string): void {
  useReveal.getState().reveal({ kind, id, nodeId });
}
