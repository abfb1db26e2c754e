import { describe, expect, it } from 'vitest';
import { roleplayRuns } from '../../renderer/src/testchat/chat/roleplay-markup';
import { contextUse } from '../../renderer/src/testchat/chat/context-use';
import { countNoun } from '../../renderer/src/util/count-noun';
import { STOP_REASON_TEXT } from '../../renderer/src/util/stop-reason-text';
import { StopReason } from '../../preload/api';

describe('test chat text', () => {
  it('sets *actions* in italics and **stress** in bold, as SillyTavern does, and leaves an open mark as typed', () => {
    expect(roleplayRuns("*wipes the anvil* Door's open. **Now** what?")).toEqual([
      { text: 'wipes the anvil', style: 'emphasis' },
      { text: " Door's open. ", style: 'plain' },
      { text: 'Now', style: 'strong' },
      { text: ' what?', style: 'plain' },
    ]);
    expect(roleplayRuns('*leans in and whisp')).toEqual([{ text: '*leans in and whisp', style: 'plain' }]);
    expect(roleplayRuns('2 * 3 = 6\n*nods*')).toEqual([
      { text: '2 * 3 = 6\n', style: 'plain' },
      { text: 'nods', style: 'emphasis' },
    ]);
    expect(roleplayRuns('<b>*bows*</b>')).toEqual([
      { text: '<b>', style: 'plain' },
      { text: 'bows', style: 'emphasis' },
      { text: '</b>', style: 'plain' },
    ]);
  });

  it('counts in the right number', () => {
    expect([0, 1, 2, 1200].map((n) => countNoun(n, 'message'))).toEqual(['0 messages', '1 message', '2 messages', '1,200 messages']);
    expect(countNoun(1, 'lore entry', 'lore entries')).toBe('1 lore entry');
    expect(countNoun(3, 'lore entry', 'lore entries')).toBe('3 lore entries');
  });

  it('says every stop reason in words', () => {
    expect(Object.keys(STOP_REASON_TEXT).sort()).toEqual([...StopReason.options].sort());
    expect(STOP_REASON_TEXT.cancelled).toBe('stopped');
    expect(STOP_REASON_TEXT.maxTokens).toBe('reached the length limit');
  });

  it('gives the header and the inspector one context figure, from the counted tokens or the estimate', () => {
    const inspection = { tokens: 300, estimatedTokens: 280, contextSize: 2048 } as Parameters<typeof contextUse>[0];
    expect(contextUse(inspection)).toEqual({ tokens: 300, contextSize: 2048, percent: 15 });
    expect(contextUse({ ...inspection!, tokens: null })).toEqual({ tokens: 280, contextSize: 2048, percent: 14 });
    expect(contextUse({ ...inspection!, contextSize: null })).toBeNull();
  });
});
