import { Box, Group, Switch, Text, Tooltip } from '@mantine/core';
import type { Editor } from '@tiptap/core';
import { EditorContent, useEditor } from '@tiptap/react';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ContentItem } from '../../../preload/api';
import { loadStory, type StoryData } from '../../../main/domain/story';
import { useWritingDocument, type DocumentItem, type WritingDocument } from '../writing/use-writing-document';
import { DocumentGate } from '../writing/DocumentGate';
import { DocumentHeader } from '../writing/DocumentHeader';
import { storyEditorExtensions } from './editor/story-extensions';
import { FindBar } from './FindBar';
import { StoryAiModals } from './StoryAiModals';
import { StoryCounts } from './StoryCounts';
import { StoryOutline } from './StoryOutline';
import { StoryToolbar, type StoryAiAction } from './StoryToolbar';
import { useContinueWriting } from './use-continue-writing';
import classes from './story-editor.module.css';

const describeStory = (item: ContentItem) => {
  try {
    return loadStory(item.data).markdown;
  } catch {
    return '';
  }
};

/** The story as Markdown; the empty paragraph the editor keeps at the end for the cursor is not part of it. */
const markdownOf = (editor: Editor) => editor.getMarkdown().trimEnd();

/** A story or lore document: rich prose saved as Markdown, with an outline, counts, find, focus mode and the AI co-writer. */
export function StoryEditor({ id }: { id: string }) {
  const doc = useWritingDocument(id, 'story', loadStory);
  // A restored revision remounts the editor with its text (and a fresh undo history).
  return (
    <DocumentGate doc={doc} label="story">
      {(item, data) => <StoryWorkspace key={doc.generation} doc={doc} initial={data} item={item} />}
    </DocumentGate>
  );
}

interface WorkspaceProps {
  doc: WritingDocument<StoryData>;
  initial: StoryData;
  item: DocumentItem;
}

function StoryWorkspace({ doc, initial, item }: WorkspaceProps) {
  const [lore, setLore] = useState(initial.lore);
  const [focusMode, setFocusMode] = useState(false);
  const [findOpen, setFindOpen] = useState(false);
  const [aiAction, setAiAction] = useState<StoryAiAction | null>(null);
  const loreRef = useRef(initial.lore);
  const startContinue = useRef<() => void>(() => undefined);
  const { touch } = doc;

  const editor = useEditor({
    extensions: storyEditorExtensions(),
    content: initial.markdown,
    contentType: 'markdown',
    shouldRerenderOnTransaction: false,
    editorProps: {
      attributes: { 'aria-label': 'Story text', spellcheck: 'true', class: classes.prose },
      // Before the keymaps, which give Mod-Enter to hard breaks.
      handleKeyDown: (_view, event) => {
        if (!(event.key === 'Enter' && (event.ctrlKey || event.metaKey))) return false;
        startContinue.current();
        return true;
      },
    },
    onUpdate: ({ editor: e }) => touch(() => ({ ...initial, markdown: markdownOf(e), lore: loreRef.current })),
  });
  const continuing = useContinueWriting(editor);
  const { start: startContinuing } = continuing;
  useEffect(() => {
    startContinue.current = () => void startContinuing();
  }, [startContinuing]);

  const setLoreFlag = (value: boolean) => {
    loreRef.current = value;
    setLore(value);
    touch(() => ({ ...initial, markdown: markdownOf(editor), lore: value }));
  };

  // Stable, so a save (which draws the header again) leaves the toolbar as it is.
  const toggleFocus = useCallback(() => {
    setFocusMode((f) => !f);
    // Focus mode lights the paragraph the cursor is in, so the cursor goes back to the text.
    editor.commands.focus();
  }, [editor]);
  const openFind = useCallback(() => setFindOpen(true), []);
  const continueWriting = useCallback(() => startContinue.current(), []);

  const onKeyDown = useCallback((e: KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'f') {
      e.preventDefault();
      setFindOpen(true);
    }
  }, []);

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
        onToggleFocus={toggleFocus}
        onFind={openFind}
        onContinue={continueWriting}
        onStopContinue={continuing.cancel}
        onAi={setAiAction}
      />
      {findOpen && <FindBar editor={editor} onClose={() => setFindOpen(false)} />}
      <Box className={classes.body}>
        {!focusMode && (
          <Box className={classes.outline}>
            <StoryOutline editor={editor} />
          </Box>
        )}
        <Box className={classes.page}>
          <EditorContent editor={editor} className={classes.column} />
        </Box>
      </Box>
      <Group className={classes.footer} gap="md" px="lg" py={4}>
        <StoryCounts editor={editor} />
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
