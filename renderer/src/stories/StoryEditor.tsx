import { Alert, Box, Center, Group, Loader, Switch, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { EditorContent, useEditor } from '@tiptap/react';
import { useCallback, useRef, useState, type KeyboardEvent } from 'react';
import type { ContentItem } from '../../../preload/api';
import { loadStory, readingMinutes, type StoryData } from '../../../main/domain/story';
import { useWritingDocument, type WritingDocument } from '../writing/use-writing-document';
import { DocumentHeader } from '../writing/DocumentHeader';
import { storyEditorExtensions } from './editor/story-extensions';
import { FindBar } from './FindBar';
import { StoryAiModals } from './StoryAiModals';
import { StoryOutline } from './StoryOutline';
import { StoryToolbar, type StoryAiAction } from './StoryToolbar';
import { useContinueWriting } from './use-continue-writing';
import { useStorySummary } from './use-story-summary';
import classes from './story-editor.module.css';

const describeStory = (item: ContentItem) => {
  try {
    return loadStory(item.data).markdown;
  } catch {
    return '';
  }
};

/** A story or lore document: rich prose saved as Markdown, with an outline, counts, find, focus mode and the AI co-writer. */
export function StoryEditor({ id }: { id: string }) {
  const doc = useWritingDocument(id, 'story', loadStory);
  if (doc.error) {
    return (
      <Alert m="lg" color="red" icon={<IconAlertTriangle size={16} />} title="This story cannot be opened">
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
  // A restored revision remounts the editor with its text (and a fresh undo history).
  return <StoryWorkspace key={doc.generation} doc={doc} initial={doc.data} item={doc.item} />;
}

interface WorkspaceProps {
  doc: WritingDocument<StoryData>;
  initial: StoryData;
  item: ContentItem;
}

function StoryWorkspace({ doc, initial, item }: WorkspaceProps) {
  const [lore, setLore] = useState(initial.lore);
  const [focusMode, setFocusMode] = useState(false);
  const [findOpen, setFindOpen] = useState(false);
  const [aiAction, setAiAction] = useState<StoryAiAction | null>(null);
  const loreRef = useRef(initial.lore);
  const { touch } = doc;

  const editor = useEditor({
    extensions: storyEditorExtensions(),
    content: initial.markdown,
    contentType: 'markdown',
    shouldRerenderOnTransaction: false,
    editorProps: { attributes: { 'aria-label': 'Story text', spellcheck: 'true', class: classes.prose } },
    onUpdate: ({ editor: e }) => touch(() => ({ ...initial, markdown: e.getMarkdown(), lore: loreRef.current })),
  });
  const summary = useStorySummary(editor);
  const continuing = useContinueWriting(editor);

  const setLoreFlag = (value: boolean) => {
    loreRef.current = value;
    setLore(value);
    touch(() => ({ ...initial, markdown: editor.getMarkdown(), lore: value }));
  };

  const onKeyDown = useCallback(
    (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      if (mod && e.key === 'Enter') {
        e.preventDefault();
        void continuing.start();
      } else if (mod && e.key.toLowerCase() === 'f') {
        e.preventDefault();
        setFindOpen(true);
      }
    },
    [continuing],
  );

  return (
    <Box className={classes.layout} onKeyDown={onKeyDown} data-focus-mode={focusMode || undefined}>
      <DocumentHeader item={item} kind="story" onRename={doc.rename} onRestored={doc.replace} describe={describeStory}>
        <Tooltip label="The Test chat gives the model every lore document as background." multiline w={260}>
          <Switch label="Project lore: Test chat uses this" checked={lore} onChange={(e) => setLoreFlag(e.currentTarget.checked)} mr="sm" />
        </Tooltip>
      </DocumentHeader>
      <StoryToolbar
        editor={editor}
        focusMode={focusMode}
        continuing={continuing.running}
        onToggleFocus={() => setFocusMode((f) => !f)}
        onFind={() => setFindOpen(true)}
        onContinue={() => void continuing.start()}
        onStopContinue={continuing.cancel}
        onAi={setAiAction}
      />
      {findOpen && <FindBar editor={editor} onClose={() => setFindOpen(false)} />}
      <Box className={classes.body}>
        {!focusMode && (
          <Box className={classes.outline}>
            <StoryOutline editor={editor} headings={summary.headings} />
          </Box>
        )}
        <Box className={classes.page}>
          <EditorContent editor={editor} className={classes.column} />
        </Box>
      </Box>
      <Group className={classes.footer} gap="md" px="lg" py={4}>
        <Text size="xs" c="dimmed" data-testid="story-counts">
          {summary.words.toLocaleString()} {summary.words === 1 ? 'word' : 'words'} · {readingMinutes(summary.words)} min read
        </Text>
        {continuing.running && (
          <Text size="xs" c="dimmed">
            Writing a suggestion… Tab accepts, Esc rejects
          </Text>
        )}
      </Group>
      {aiAction && <StoryAiModals key={aiAction} editor={editor} action={aiAction} onClose={() => setAiAction(null)} />}
    </Box>
  );
}
