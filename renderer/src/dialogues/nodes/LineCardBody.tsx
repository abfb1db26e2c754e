import type { ReactNode } from 'react';
import type { NodeOfKind } from '../../../../main/domain/dialogue';
import { InlineText } from './InlineText';
import { NextOutput } from './NextOutput';
import { SpeakerMeta } from './SpeakerMeta';
import { useEditingHere } from './use-editing-here';

interface LineCardBodyProps {
  node: NodeOfKind<'line'> | NodeOfKind<'aiLine'>;
  label: string;
  placeholder: string;
  value: string;
  onCommit(value: string): void;
  children?: ReactNode;
}

/** The card body spoken and AI lines share: speaker, the main text edited in place, any extras, then Next. */
export function LineCardBody({ node, label, placeholder, value, onCommit, children }: LineCardBodyProps) {
  const editing = useEditingHere(node.id);
  return (
    <>
      <SpeakerMeta speaker={node.speaker} emotion={node.emotion} />
      <InlineText {...editing} multiline label={label} placeholder={placeholder} value={value} onCommit={onCommit} />
      {children}
      <NextOutput next={node.next} />
    </>
  );
}
