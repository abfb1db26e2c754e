import { Box, Button, Group, Loader, Menu, Select, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBraces, IconFolder, IconHistory, IconSparkles } from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ContentItem } from '../../../preload/api';
import { loadScript, SCRIPT_LANGUAGE_LABELS, SCRIPT_LANGUAGES, type ScriptData, type ScriptLanguage } from '../../../main/domain/script';
import { api, ApiError } from '../api/client';
import { AI_UNAVAILABLE, useAiAvailable } from '../components/use-ai-available';
import { useReveal } from '../search/reveal-store';
import { HistoryDrawer } from '../sections/HistoryDrawer';
import { useAutosave } from '../sections/use-autosave';
import { useSession } from '../stores/session-store';
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

interface Loaded {
  item: ContentItem;
  script: ScriptData;
}

/** Loads a script (its stored record brought up to date) and opens it in Monaco. */
export function ScriptEditor({ id }: { id: string }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  useEffect(() => {
    api.call('content:get', { id }).then(
      (item) => setLoaded({ item, script: loadScript(item.data) }),
      (e: Error) => notifications.show({ color: 'red', title: 'Could not open this script', message: e.message }),
    );
  }, [id]);
  if (!loaded) {
    return (
      <Group p="xl">
        <Loader size="sm" />
      </Group>
    );
  }
  return <LoadedScriptEditor {...loaded} />;
}

function LoadedScriptEditor({ item, script }: Loaded) {
  const id = item.id;
  const { container, editor, model, switchLanguage } = useMonacoEditor(id, script.language, script.code);
  const [name, setName] = useState(item.name);
  const [language, setLanguage] = useState<ScriptLanguage>(script.language);
  const [folder, setFolder] = useState(script.folder);
  const [revisionShown, setRevisionShown] = useState(item.revision);
  const [edits, setEdits] = useState(0);
  const [dirty, setDirty] = useState(false);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [aiJob, setAiJob] = useState<{ job: ScriptAiJob; seq: number } | null>(null);
  const revision = useRef(item.revision);
  const savedName = useRef(item.name);
  /** The code as it is now, kept outside Monaco so the save that flushes on unmount still has it after the model is disposed. */
  const code = useRef(script.code);
  /** Edits the editor makes itself (a reload or restore) are not the writer's and need no save. */
  const quiet = useRef(false);
  /** Whether the writer has changes not yet saved, or a save is on its way: then nothing reloads over them. */
  const busy = useRef({ dirty: false, saving: false });
  const trackSave = useSession((s) => s.trackSave);
  const markers = useScriptMarkers(model);
  const aiAvailable = useAiAvailable();

  const changed = useCallback(() => {
    if (quiet.current) return;
    busy.current.dirty = true;
    setEdits((n) => n + 1);
    setDirty(true);
    useSession.getState().markUnsaved();
  }, []);

  useEffect(() => {
    if (!editor) return;
    const sub = editor.onDidChangeModelContent(() => {
      code.current = editor.getValue();
      changed();
    });
    return () => sub.dispose();
  }, [editor, changed]);

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

  const save = async () => {
    const data: ScriptData = { ...script, language, folder, code: code.current };
    const nextName = name.trim() || savedName.current;
    setDirty(false);
    busy.current = { dirty: false, saving: true };
    try {
      const saved = await trackSave(api.call('content:save', { id, name: nextName, data, baseRevision: revision.current }));
      revision.current = saved.revision;
      setRevisionShown(saved.revision);
      if (nextName !== savedName.current) {
        savedName.current = nextName;
        void useScripts.getState().load();
      }
    } catch (error) {
      if (error instanceof ApiError && error.code === 'conflict') {
        notifications.show({
          color: 'orange',
          title: 'Changed somewhere else',
          message: 'This script was saved from another window. Your code is still here; reopen the script to see theirs.',
        });
      }
      busy.current.dirty = true;
      setDirty(true);
    } finally {
      busy.current.saving = false;
    }
  };
  useAutosave(edits, dirty, save);

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

  // Renames, moves and restores made outside the editor (the tree, another window) show up here when nothing is pending.
  useEffect(
    () =>
      api.on('content:changed', (change) => {
        const skip = () => busy.current.dirty || busy.current.saving;
        if (change.id !== id || change.deleted || change.revision <= revision.current || skip()) return;
        void api.call('content:get', { id }).then((fresh) => {
          if (fresh.revision <= revision.current || skip()) return;
          const next = loadScript(fresh.data);
          revision.current = fresh.revision;
          savedName.current = fresh.name;
          setRevisionShown(fresh.revision);
          setName(fresh.name);
          setFolder(next.folder);
          replaceCode(next.code, false);
          if (next.language !== language) {
            switchLanguage(next.language);
            setLanguage(next.language);
          }
          busy.current.dirty = false;
          setDirty(false);
        });
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- replaceCode only reads the editor, which is a dependency
    [id, editor, language, switchLanguage],
  );

  const changeLanguage = (next: ScriptLanguage) => {
    if (next === language) return;
    switchLanguage(next);
    setLanguage(next);
    changed();
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
      <Group px="md" py={8} gap="xs" wrap="nowrap" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
        <TextInput
          aria-label="Script name"
          value={name}
          onChange={(e) => {
            setName(e.currentTarget.value);
            changed();
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
        onRestored={(restored) => {
          const next = loadScript(restored.data);
          revision.current = restored.revision;
          savedName.current = restored.name;
          setRevisionShown(restored.revision);
          setName(restored.name);
          setFolder(next.folder);
          if (next.language !== language) {
            switchLanguage(next.language);
            setLanguage(next.language);
          }
          replaceCode(next.code, true);
          busy.current.dirty = false;
          setDirty(false);
          void useScripts.getState().load();
        }}
      />
    </Stack>
  );
}
