import classes from './nodes.module.css';

/** When something is shown or taken: its condition as written and a "once" mark; nothing when neither is set. */
export function GateNote({ condition, once }: { condition: string | undefined; once: boolean | undefined }) {
  if (!condition && !once) return null;
  return (
    <span className={classes.gate}>
      {condition && <code className={classes.condition}>if {condition}</code>}
      {once && <span className={classes.once}>once</span>}
    </span>
  );
}
