import classes from './nodes.module.css';

/** Who speaks a line and in what mood, shown alike on spoken and AI line cards. */
export function SpeakerMeta({ speaker, emotion }: { speaker: string; emotion: string | undefined }) {
  return (
    <div className={classes.meta}>
      <span className={classes.speaker}>{speaker || 'Narrator'}</span>
      {emotion && <span className={classes.tag}>{emotion}</span>}
    </div>
  );
}
