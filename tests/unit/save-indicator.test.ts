import { describe, expect, it } from 'vitest';
import { saveIndicator } from '../../renderer/src/shell/save-indicator';

describe('status bar save state', () => {
  it('says Offline first, then why a save was refused, then Saving, else Saved with the latest time', () => {
    const saved = { status: 'saved' as const, savedAt: 100 };
    const idle = { status: 'idle' as const };
    expect(saveIndicator('offline', saved, idle)).toEqual({ state: 'offline' });
    expect(saveIndicator('ready', { status: 'offline', savedAt: null }, idle)).toEqual({ state: 'offline' });
    expect(saveIndicator('ready', { status: 'failed', message: 'Quest id must not be empty', savedAt: 100 }, { status: 'saving' })).toEqual(
      {
        state: 'failed',
        reason: 'Quest id must not be empty',
      },
    );
    expect(saveIndicator('ready', { status: 'saving', savedAt: 100 }, idle)).toEqual({ state: 'saving' });
    expect(saveIndicator('ready', saved, { status: 'saving' })).toEqual({ state: 'saving' });
    expect(saveIndicator('ready', saved, { status: 'error', message: 'Disk full', at: 50 })).toEqual({
      state: 'failed',
      reason: 'Disk full',
    });
    expect(saveIndicator('ready', saved, { status: 'saved', at: 300 })).toEqual({ state: 'saved', at: 300 });
    expect(saveIndicator('ready', { status: 'saved', savedAt: null }, idle)).toEqual({ state: 'saved', at: null });
  });
});
