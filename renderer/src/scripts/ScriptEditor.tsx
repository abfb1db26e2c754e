import { Alert, Box, Button, Group, Loader, Menu, Select, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBraces, IconFolder, IconHistory, IconSparkles } from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { loadScript, SCRIPT_LANGUAGE_LABELS, SCRIPT_LANGUAGES, type ScriptData, type ScriptLanguage } from '../../../main/domain/script';
import { api } from '../api/client';
import { AI_UNAVAILABLE, useAiAvailable } from '../components/use-ai-available';
import { useReveal } from '../search/reveal-store';
import { HistoryDrawer } from '../sections/HistoryDrawer';
import type { DocumentSession } from '../documents/document-session';
import { SaveFailureAlert } from '../documents/SaveFailureAlert';
import { useDocumentSession } from '../documents/use-document-session';
import { contentDocumentKind, type ContentDraft } from '../writing/content-document-kind';
import { type ScriptAiJob } from './ai/script-ai-job';
import { ScriptAiPanel } from './ai/ScriptAiPanel';
import { commentAt } from './ai/script-prompts';
import { revealSearch } from './reveal-search';
import { ProblemsPanel } from './ProblemsPanel';
import { runtimeSnippets } from './runtime-snippets';
import { ScriptDiff } from './ScriptDiff';
import { useScripts } from './script-store';
import { monaco } from './monaco/monaco-setup';
import { setCompletionFileName } from './monaco/inline-completions';
import { useMonacoEditor } from './use-monaco-editor';
import { useScriptMarkers } from './use-script-markers';
import './script-editor.css';
import { DeleteItemButton } from '../components/DeleteItemButton';

type ScriptSession = DocumentSession<ContentDraft<ScriptData>>;

/** Opens a script (its stored record brought up to date) on its document session and shows it in Monaco. */
export function ScriptEditor({ id }: { id: string }) {
  const session = useDocumentSession(`content:${id}`, () => contentDocumentKind(id, loadScript));
  const loaded = useStore(session, (s) => s.generation > 0);
  const error = useStore(session, (s) => s.loadError);
  if (error) {
    return (
      <Alert m="lg" color="red" title="Could not open this script">
        {error}
      </Alert>
    );
  }
  if (!loaded) {
    return (
      <Group p="xl">
        <Loader size="sm" />
      </Group>
    );
  }
  return <LoadedScriptEditor id={id} session={session} />;
}

function LoadedScriptEditor({ id, session }: { id: string; session: ScriptSession }) {
  const [opened] = useState(() => session.getState().value!);
  const script = opened.data;
  const { container, editor, model, switchLanguage } = useMonacoEditor(id, script.language, script.code);
  const [name, setName] = useState(opened.name);
  const [language, setLanguage] = useState<ScriptLanguage>(script.language);
  const [folder, setFolder] = useState(script.folder);
  const revisionShown = useStore(session, (s) => s.revision);
  const savedName = useStore(session, (s) => s.saved?.name);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [aiJob, setAiJob] = useState<{ job: ScriptAiJob; seq: number } | null>(null);
  /** The code as it is now, kept outside Monaco so the save that flushes on unmount still has it after the model is disposed. */
  const code = useRef(script.code);
  /** Edits the editor makes itself (a reload or restore) are not the writer's and need no save. */
  const quiet = useRef(false);
  const markers = useScriptMarkers(model);
  const aiAvailable = useAiAvailable();

  /** Hands the session what changed; the code is read when the save runs. */
  const changed = useCallback(
    (fields: Partial<Pick<ScriptData, 'language' | 'folder'>> = {}) => {
      if (quiet.current) return;
      session.getState().touch((v) => ({ ...v, data: { ...v.data, ...fields, code: code.current } }), fields.language ? undefined : 'code');
    },
    [session],
  );

  useEffect(() => {
    if (!editor) return;
    const sub = editor.onDidChangeModelContent(() => {
      code.current = editor.getValue();
      changed();
    });
    return () => sub.dispose();
  }, [editor, changed]);

  const listedName = useRef(savedName);
  useEffect(() => {
    if (savedName !== listedName.current) void useScripts.getState().load();
    listedName.current = savedName;
  }, [savedName]);

  useEffect(() => {
    if (model) setCompletionFileName(model.uri, name);
  }, [model, name]);

  // A search hit that opened this script (or found it again while open) selects the words it matched.
  const revealTarget = useReveal((s) => (s.target?.kind === 'script' && s.target.id === id ? s.target : null));
  useEffect(() => {
    if (!editor || !revealTarget) return;
    const target = useReveal.getState().take('script', id);
    if (target) revealSearch(editor, target.query);
  }, [editor, revealTarget, id]);

  /** Replaces the code without it counting as the writer's edit; `undoable` keeps it on the undo stack. */
  const replaceCode = (code: string, undoable: boolean) => {
    const current = editor?.getModel();
    if (!editor || !current || current.getValue() === code) return;
    quiet.current = true;
    try {
      if (undoable) {
        editor.pushUndoStop();
        editor.executeEdits('restore', [{ range: current.getFullModelRange(), text: code }]);
        editor.pushUndoStop();
      } else current.setValue(code);
    } finally {
      quiet.current = false;
    }
  };

  /** Shows the script as stored now (after a restore, or a rename or move from the list); `undoable` keeps the code change on Monaco's undo stack. */
  const showStored = async (undoable: boolean) => {
    await session.getState().reload();
    const stored = session.getState().value;
    if (!stored) return;
    setName(stored.name);
    setFolder(stored.data.folder);
    replaceCode(stored.data.code, undoable);
    code.current = stored.data.code;
    if (stored.data.language !== language) {
      switchLanguage(stored.data.language);
      setLanguage(stored.data.language);
    }
  };

  // Renames, moves and restores made outside the editor (the tree, another window) show up here when nothing is owed.
  useEffect(
    () =>
      api.on('content:changed', (change) => {
        const state = session.getState();
        if (change.id === id && !change.deleted && change.revision > state.revision && state.status === 'saved') void showStored(false);
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- showStored only reads the editor and language, which are dependencies
    [id, editor, language, switchLanguage, session],
  );

  const changeLanguage = (next: ScriptLanguage) => {
    if (next === language) return;
    switchLanguage(next);
    setLanguage(next);
    changed({ language: next });
  };

  const selectedCode = () => {
    const selection = editor?.getSelection();
    const current = editor?.getModel();
    if (!selection || !current) return null;
    const text = current.getValueInRange(selection);
    return text.trim() ? { selection, text } : null;
  };

  const startJob = (job: ScriptAiJob) => setAiJob((previous) => ({ job, seq: (previous?.seq ?? 0) + 1 }));

  const explain = () => {
    const current = editor?.getModel();
    if (!current) return;
    startJob({ kind: 'explain', language, code: selectedCode()?.text ?? current.getValue() });
  };

  const functionFromComment = () => {
    const current = editor?.getModel();
    const position = editor?.getPosition();
    if (!current || !position) return;
    const picked = selectedCode();
    const comment = picked
      ? { text: picked.text, endLine: picked.selection.endLineNumber }
      : commentAt(current.getLinesContent(), position.lineNumber, language);
    if (!comment) {
      notifications.show({
        title: 'No comment here',
        message: 'Put the cursor on a comment that says what the function should do, or select it.',
      });
      return;
    }
    const context = current.getValueInRange(new monaco.Range(1, 1, comment.endLine, 1)).slice(-3000);
    startJob({ kind: 'function', language, comment: comment.text, context, insertAfterLine: comment.endLine });
  };

  const convert = (to: ScriptLanguage) => {
    const current = editor?.getModel();
    if (!current) return;
    const picked = selectedCode();
    const whole = current.getFullModelRange();
    startJob({
      kind: 'convert',
      from: language,
      to,
      code: picked?.text ?? current.getValue(),
      range: picked?.selection ?? whole,
      wholeFile: !picked || picked.text === current.getValue(),
    });
  };

  /** Inserts or replaces as one undo step: undo stops on both sides of a single edit. */
  const apply = (job: ScriptAiJob, code: string) => {
    const current = editor?.getModel();
    if (!editor || !current) return;
    editor.pushUndoStop();
    if (job.kind === 'function') {
      const line = Math.min(job.insertAfterLine + 1, current.getLineCount());
      const atEnd = job.insertAfterLine >= current.getLineCount();
      const range = atEnd
        ? new monaco.Range(line, current.getLineMaxColumn(line), line, current.getLineMaxColumn(line))
        : new monaco.Range(line, 1, line, 1);
      editor.executeEdits('loreweaver-ai', [{ range, text: atEnd ? `\n${code}\n` : `${code}\n` }]);
    } else if (job.kind === 'convert') {
      editor.executeEdits('loreweaver-ai', [{ range: job.wholeFile ? current.getFullModelRange() : job.range, text: code }]);
      if (job.wholeFile) changeLanguage(job.to);
    }
    editor.pushUndoStop();
    editor.focus();
    setAiJob(null);
  };

  const insertSnippet = (body: string) => {
    if (!editor) return;
    editor.focus();
    (editor.getContribution('snippetController2') as unknown as { insert(template: string): void } | null)?.insert(body);
  };

  const snippets = runtimeSnippets(language);
  const convertTarget: ScriptLanguage | null = language === 'luau' ? 'typescript' : language === 'typescript' ? 'luau' : null;
  const checked = language !== 'luau';

  return (
    <Stack gap={0} flex={1} miw={0} h="100%">
      <SaveFailureAlert session={session} noun="script" />
      <Group px="md" py={8} gap="xs" wrap="nowrap" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
        <TextInput
          aria-label="Script name"
          value={name}
          onChange={(e) => {
            const next = e.currentTarget.value;
            setName(next);
            session.getState().touch((v) => ({ ...v, name: next }), 'name');
          }}
          variant="unstyled"
          styles={{ input: { fontWeight: 650, fontSize: 18 } }}
          flex={1}
          miw={120}
          maxLength={120}
        />
        <Tooltip label="Folder (move it from the list)">
          <Group gap={4} wrap="nowrap" c="dimmed">
            <IconFolder size={14} />
            <Text size="xs" truncate maw={160}>
              {folder || 'Top level'}
            </Text>
          </Group>
        </Tooltip>
        <Select
          aria-label="Language"
          size="xs"
          w={130}
          value={language}
          allowDeselect={false}
          data={SCRIPT_LANGUAGES.map((l) => ({ value: l, label: SCRIPT_LANGUAGE_LABELS[l] }))}
          onChange={(v) => v && changeLanguage(v as ScriptLanguage)}
        />
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Button size="xs" variant="default" leftSection={<IconBraces size={14} />} disabled={!snippets.length}>
              Snippets
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Label>Call the exported runtime (or type “lw-”)</Menu.Label>
            {snippets.map((snippet) => (
              <Menu.Item key={snippet.label} onClick={() => insertSnippet(snippet.body)}>
                <Text size="sm">{snippet.label}</Text>
                <Text size="xs" c="dimmed" maw={280}>
                  {snippet.description}
                </Text>
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Tooltip label={AI_UNAVAILABLE} disabled={aiAvailable}>
              <Button size="xs" variant="light" leftSection={<IconSparkles size={14} />} disabled={!aiAvailable || language === 'json'}>
                AI
              </Button>
            </Tooltip>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item onClick={explain}>Explain selection</Menu.Item>
            <Menu.Item onClick={functionFromComment}>Write a function from this comment</Menu.Item>
            {convertTarget && (
              <Menu.Item onClick={() => convert(convertTarget)}>Convert to {SCRIPT_LANGUAGE_LABELS[convertTarget]}</Menu.Item>
            )}
            <Menu.Divider />
            <Menu.Label>Inline completions appear as you type; Tab accepts</Menu.Label>
          </Menu.Dropdown>
        </Menu>
        <Button variant="subtle" color="gray" size="xs" leftSection={<IconHistory size={16} />} onClick={() => setHistoryOpen(true)}>
          History
        </Button>
        <DeleteItemButton what="script" size="md" name={name} onDelete={() => useScripts.getState().remove(id)} />
      </Group>
      <Group gap={0} flex={1} mih={0} wrap="nowrap" align="stretch">
        <Stack gap={0} flex={1} miw={0}>
          <Box ref={container} flex={1} mih={0} data-testid="script-editor" />
          <ProblemsPanel
            markers={markers}
            checked={checked}
            onPick={(marker) => {
              editor?.setPosition({ lineNumber: marker.startLineNumber, column: marker.startColumn });
              editor?.revealLineInCenter(marker.startLineNumber);
              editor?.focus();
            }}
          />
        </Stack>
        {aiJob && (
          <ScriptAiPanel key={aiJob.seq} job={aiJob.job} onApply={(code) => apply(aiJob.job, code)} onClose={() => setAiJob(null)} />
        )}
      </Group>
      <HistoryDrawer
        id={id}
        opened={historyOpen}
        currentRevision={revisionShown}
        size="xl"
        describe={(revisionItem) => (typeof revisionItem.data.code === 'string' ? revisionItem.data.code : '')}
        compare={(older, current) => <ScriptDiff older={older} current={current} />}
        onClose={() => setHistoryOpen(false)}
        onRestored={() => {
          void showStored(true).then(() => useScripts.getState().load());
        }}
      />
    </Stack>
  );
}
