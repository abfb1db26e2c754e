import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { NO_PERSONA, type Persona } from './ai-prompts';

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/**
 * The NPC a dialogue belongs to, as the prompts need it. Tolerant of whatever the NPC
 * record holds (a missing or older NPC just gives a neutral voice).
 */
export function usePersona(npcId: string | undefined): Persona {
  const [persona, setPersona] = useState<{ id: string; persona: Persona } | null>(null);
  useEffect(() => {
    if (!npcId) return;
    let live = true;
    api.call('content:get', { id: npcId }).then(
      (item) => {
        const data = item.data as Record<string, unknown>;
        const description = [data.description, data.personality, data.speakingStyle, data.role].map(text).filter(Boolean).join(' ');
        if (live) setPersona({ id: npcId, persona: { name: text(data.name) || item.name, description: description.slice(0, 1500) } });
      },
      () => live && setPersona({ id: npcId, persona: NO_PERSONA }),
    );
    return () => {
      live = false;
    };
  }, [npcId]);
  return npcId && persona?.id === npcId ? persona.persona : NO_PERSONA;
}
