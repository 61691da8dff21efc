import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import { EditorView, basicSetup } from 'codemirror';
import { sql, PostgreSQL } from '@codemirror/lang-sql';
import { Compartment, EditorState, Prec } from '@codemirror/state';
import { keymap } from '@codemirror/view';
import { setDiagnostics } from '@codemirror/lint';

export interface SqlEditorHandle {
  getText(): string;
  setText(text: string): void;
  /** Insert at the cursor (a table or column name from the schema browser). */
  insert(text: string): void;
  /** Mark an error at an offset (null clears the mark). */
  markError(offset: number | null, message: string): void;
  focus(): void;
}

interface SqlEditorProps {
  initialText: string;
  /** Table → column names, for completion. */
  schema: Record<string, string[]>;
  onRun: () => void;
  onChange: (text: string) => void;
  label: string;
}

/** Our stylesheet cannot reach into the shadow root: the editor's look is given here. */
const EDITOR_THEME = EditorView.theme({
  '&': { height: '100%', fontSize: '13px', backgroundColor: '#fff' },
  '&.cm-focused': { outline: '2px solid #1976d2' },
  '.cm-scroller': { fontFamily: 'ui-monospace, Menlo, Consolas, "Noto Sans Mono CJK SC", monospace' },
});

/**
 * CodeMirror 6 with DuckDB-flavoured SQL (PostgreSQL dialect: DuckDB follows it closely),
 * completion of the loaded tables and columns, Ctrl/Cmd+Enter to run, and error marks.
 */
export const SqlEditor = forwardRef<SqlEditorHandle, SqlEditorProps>(function SqlEditor({ initialText, schema, onRun, onChange, label }, ref) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const language = useRef(new Compartment());
  // The editor is created once; callbacks are read through refs so they stay current.
  const callbacks = useRef({ onRun, onChange });
  callbacks.current = { onRun, onChange };

  useEffect(() => {
    if (!host.current) return;
    const run = () => { callbacks.current.onRun(); return true; };
    // In a shadow root CodeMirror styles itself through constructable stylesheets; in the
    // document it would add <style> elements, which the page's CSP (style-src 'self') refuses.
    const shadow = host.current.shadowRoot ?? host.current.attachShadow({ mode: 'open' });
    const editor = new EditorView({
      parent: shadow,
      root: shadow,
      state: EditorState.create({
        doc: initialText,
        extensions: [
          // Above basicSetup's own Mod-Enter (insert blank line) so running wins.
          Prec.highest(keymap.of([{ key: 'Mod-Enter', run }, { key: 'Ctrl-Enter', run }])),
          basicSetup,
          language.current.of(sql({ dialect: PostgreSQL, schema, upperCaseKeywords: true })),
          EditorView.lineWrapping,
          EDITOR_THEME,
          EditorView.contentAttributes.of({ 'aria-label': label, 'data-testid': 'sql-input' }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) callbacks.current.onChange(update.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = editor;
    return () => { editor.destroy(); view.current = null; };
    // Created once; text and schema changes go through the handle and the compartment.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    view.current?.dispatch({ effects: language.current.reconfigure(sql({ dialect: PostgreSQL, schema, upperCaseKeywords: true })) });
  }, [schema]);

  useImperativeHandle(ref, () => ({
    getText: () => view.current?.state.doc.toString() ?? '',
    setText: (text) => {
      const editor = view.current;
      if (editor) editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: text }, selection: { anchor: text.length } });
    },
    insert: (text) => {
      const editor = view.current;
      if (!editor) return;
      editor.dispatch(editor.state.replaceSelection(text));
      editor.focus();
    },
    markError: (offset, message) => {
      const editor = view.current;
      if (!editor) return;
      if (offset === null) { editor.dispatch(setDiagnostics(editor.state, [])); return; }
      const length = editor.state.doc.length;
      const from = Math.min(offset, length);
      // Underline the word at the caret (at least one character) so the mark is visible.
      const word = editor.state.wordAt(from);
      const to = word && word.from === from ? word.to : Math.min(from + 1, length);
      editor.dispatch(setDiagnostics(editor.state, [{ from: to > from ? from : Math.max(0, from - 1), to: Math.max(to, from), severity: 'error', message }]));
      editor.dispatch({ selection: { anchor: from }, scrollIntoView: true });
    },
    focus: () => view.current?.focus(),
  }), []);

  return <div className="sql-editor" ref={host} data-testid="sql-editor" />;
});
