import { Alert, Center, Loader } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { SaveFailureAlert } from '../documents/SaveFailureAlert';
import type { DocumentItem, WritingDocument } from './use-writing-document';

interface DocumentGateProps<T> {
  doc: WritingDocument<T>;
  label: string;
  /** The editor, once the document is open. */
  children(item: DocumentItem, data: T): ReactNode;
}

/** Shows why a document cannot open, a loader while it opens, then the editor (under why its last save was refused, if it was). */
export function DocumentGate<T>({ doc, label, children }: DocumentGateProps<T>) {
  if (doc.error) {
    return (
      <Alert m="lg" color="red" icon={<IconAlertTriangle size={16} />} title={`This ${label} cannot be opened`}>
        {doc.error}
      </Alert>
    );
  }
  if (!doc.item || !doc.data) {
    return (
      <Center h="100%">
        <Loader size="sm" />
      </Center>
    );
  }
  return (
    <>
      <SaveFailureAlert session={doc.session} noun={label} />
      {children(doc.item, doc.data)}
    </>
  );
}
