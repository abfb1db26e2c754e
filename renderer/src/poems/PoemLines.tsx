import { Tooltip } from '@mantine/core';
import { forwardRef, useRef } from 'react';
import type { LineReport, PoemCheck } from '../../../main/domain/poetry';
import classes from './poem-editor.module.css';

interface PoemLinesProps {
  text: string;
  check: PoemCheck;
  onChange(text: string): void;
  onCursorLine(line: number): void;
}

const stateOf = (line: LineReport | undefined) =>
  line?.issues.some((i) => i.severity === 'error') ? 'error' : line?.issues.length ? 'warning' : 'ok';

function describe(line: LineReport): string {
  const parts = [`Line ${line.verse! + 1}: ${line.sound!.syllables} syllables`];
  if (line.sound!.min !== line.sound!.max) parts.push(`${line.sound!.min}–${line.sound!.max} by pronunciation`);
  if (line.rhyme) parts.push(`rhyme ${line.rhyme}`);
  if (line.sound!.unknown.length) parts.push(`counted by spelling: ${line.sound!.unknown.join(', ')}`);
  return [parts.join(', '), ...line.issues.map((i) => i.message)].join('. ');
}

/**
 * The poem's text with a gutter of syllable counts and rhyme letters, and the reason a line
 * breaks the form written after it. A plain textarea lies over a backdrop that draws the
 * marks line for line; lines do not wrap, so both always align.
 */
export const PoemLines = forwardRef<HTMLTextAreaElement, PoemLinesProps>(function PoemLines({ text, check, onChange, onCursorLine }, ref) {
  const rows = text.split('\n');
  const backdrop = useRef<HTMLDivElement>(null);
  const cursorLine = (el: HTMLTextAreaElement) => onCursorLine(el.value.slice(0, el.selectionStart).split('\n').length - 1);
  return (
    <div className={classes.sheet}>
      <div className={classes.gutter} aria-label="Syllables and rhymes">
        {rows.map((_, i) => {
          const line = check.lines[i];
          if (!line?.sound) return <div key={i} className={classes.gutterLine} />;
          const state = stateOf(line);
          return (
            <Tooltip key={i} label={describe(line)} multiline w={300} position="left" openDelay={200}>
              <div
                className={classes.gutterLine}
                data-state={state}
                data-testid={`poem-line-${line.verse! + 1}`}
                aria-label={describe(line)}
              >
                <span className={classes.syllables}>{line.sound.syllables}</span>
                <span className={classes.rhyme}>{line.rhyme ?? ''}</span>
              </div>
            </Tooltip>
          );
        })}
      </div>
      <div className={classes.textArea}>
        <div className={classes.backdrop} ref={backdrop} aria-hidden>
          {rows.map((row, i) => {
            const line = check.lines[i];
            const issue = line?.issues[0];
            return (
              <div key={i} className={classes.backdropLine} data-state={stateOf(line)}>
                <span className={classes.ghostText}>{row}</span>
                {issue && <span className={classes.note}>{`   ← ${issue.message}`}</span>}
              </div>
            );
          })}
        </div>
        <textarea
          ref={ref}
          className={classes.input}
          aria-label="Poem text"
          value={text}
          rows={rows.length + 1}
          wrap="off"
          spellCheck
          placeholder="Write your poem here, one verse line per line; a blank line starts a new stanza."
          onChange={(e) => {
            onChange(e.currentTarget.value);
            cursorLine(e.currentTarget);
          }}
          onSelect={(e) => cursorLine(e.currentTarget)}
          onScroll={(e) => {
            if (backdrop.current) backdrop.current.scrollLeft = e.currentTarget.scrollLeft;
          }}
        />
      </div>
    </div>
  );
});
