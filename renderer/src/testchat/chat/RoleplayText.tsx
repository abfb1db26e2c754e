import { roleplayRuns } from './roleplay-markup';

/** Message text with `*actions*` in italics and `**stress**` in bold, as React elements (never HTML from the text). */
export function RoleplayText({ text }: { text: string }) {
  return (
    <>
      {roleplayRuns(text).map((run, i) =>
        run.style === 'emphasis' ? <em key={i}>{run.text}</em> : run.style === 'strong' ? <strong key={i}>{run.text}</strong> : run.text,
      )}
    </>
  );
}
