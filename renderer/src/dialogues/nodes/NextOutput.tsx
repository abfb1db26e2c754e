import { OutputRow } from './NodeFrame';

/** The single "Next" output that line, AI line and action cards end with. */
export function NextOutput({ next }: { next: string | undefined }) {
  return (
    <OutputRow field="next" connected={next !== undefined}>
      Next
    </OutputRow>
  );
}
