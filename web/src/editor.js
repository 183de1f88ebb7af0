// The editor: CodeMirror 6 with its YAML language, behind the handle the Rust app drives
// (src/ui/bridge.rs). web/build.mjs bundles this file with CodeMirror into a module of its own
// with a content hash in its name, which web/src/page.js loads with import() only when a page
// shows the editor: embeds never download CodeMirror.
//
// Why so thin: every decision about the manifest (diagnostics, completions, hover text, quick
// fixes) is made in Rust; this file only converts them to CodeMirror's shapes and back. Positions
// crossing the bridge are UTF-16 offsets (JavaScript's), converted to byte offsets on the Rust
// side. Nothing here builds HTML from strings: DOM nodes get their text through textContent, so
// the page keeps working under a strict Content-Security-Policy.
import { EditorState } from "@codemirror/state";
import {
  EditorView,
  crosshairCursor,
  drawSelection,
  dropCursor,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  hoverTooltip,
  keymap,
  lineNumbers,
  rectangularSelection,
} from "@codemirror/view";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { highlightSelectionMatches, searchKeymap } from "@codemirror/search";
import {
  autocompletion,
  closeBrackets,
  closeBracketsKeymap,
  completionKeymap,
  snippetCompletion,
} from "@codemirror/autocomplete";
import { forEachDiagnostic, lintGutter, lintKeymap, setDiagnostics } from "@codemirror/lint";
import {
  bracketMatching,
  foldGutter,
  foldKeymap,
  indentOnInput,
  indentUnit,
  syntaxHighlighting,
} from "@codemirror/language";
import { classHighlighter } from "@lezer/highlight";
import { yaml } from "@codemirror/lang-yaml";
// Not a direct dependency: the one copy @codemirror/view uses (esbuild bundles it once).
import { StyleModule } from "style-mod";

// The page runs under `style-src 'self'` with no nonce (it is a static site), which refuses
// <style> elements. CodeMirror writes its themes with style-mod, which uses a constructed style
// sheet (`adoptedStyleSheets`, allowed by that CSP) only for a shadow root and a <style> element
// for a document. So the document's styles are mounted through a stand-in root without `head`,
// which makes style-mod adopt a constructed sheet into the document instead.
const documentRoot = {
  ownerDocument: document,
  get adoptedStyleSheets() {
    return document.adoptedStyleSheets;
  },
  set adoptedStyleSheets(sheets) {
    document.adoptedStyleSheets = sheets;
  },
};
const mountStyles = StyleModule.mount;
StyleModule.mount = (root, modules, options) =>
  mountStyles(root === document ? documentRoot : root, modules, options);

/** A DOM element with a class and text (never HTML). */
function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

/** Applies a quick fix's edits (UTF-16 offsets of the current text) as one undoable change. */
function applyEdits(view, edits) {
  const length = view.state.doc.length;
  const changes = edits
    .filter((e) => e.from <= e.to && e.to <= length)
    .map((e) => ({ from: e.from, to: e.to, insert: e.insert }));
  if (changes.length === 0) return false;
  view.dispatch({ changes, userEvent: "input.quickfix", scrollIntoView: true });
  view.focus();
  return true;
}

/** The lint tooltip's content: message, help and code, as text. */
function renderDiagnostic(d) {
  const box = el("div", "jobscope-diagnostic");
  box.append(el("div", "jobscope-diagnostic-message", d.message));
  if (d.help) box.append(el("div", "jobscope-diagnostic-help", d.help));
  box.append(el("div", "jobscope-diagnostic-code", `${d.code} · ${d.source}`));
  return box;
}

/** Hover on a key: path, type, default, allowed values, description, what the chosen version does. */
function renderHover(h) {
  const box = el("div", "jobscope-hover");
  box.setAttribute("data-testid", "hover");
  box.append(el("div", "jobscope-hover-path", h.path));
  const type = el("div", "jobscope-hover-type");
  type.append(el("span", "jobscope-hover-label", "Type "), el("span", "", `${h.type} · ${h.owner}`));
  box.append(type);
  if (h.default) {
    const line = el("div", "jobscope-hover-default");
    line.append(el("span", "jobscope-hover-label", "Default "), el("span", "", h.default));
    box.append(line);
  }
  if (h.allowed && h.allowed.length) {
    const line = el("div", "jobscope-hover-allowed");
    line.append(el("span", "jobscope-hover-label", "Allowed "));
    h.allowed.forEach((value, i) => {
      if (i) line.append(", ");
      line.append(el("code", "", value));
    });
    box.append(line);
  }
  box.append(el("p", "jobscope-hover-description", h.description));
  if (h.versionNote) box.append(el("p", "jobscope-hover-version", h.versionNote));
  return box;
}

// Colours come from the page's CSS variables, so the theme toggle (a data attribute on <html>)
// restyles the editor without reconfiguring it.
const theme = EditorView.theme({
  "&": { color: "var(--text)", backgroundColor: "var(--editor-bg)", height: "100%" },
  ".cm-content": { caretColor: "var(--text)", fontFamily: "var(--mono)" },
  ".cm-scroller": { fontFamily: "var(--mono)", lineHeight: "1.5" },
  ".cm-gutters": {
    backgroundColor: "var(--surface)",
    color: "var(--muted)",
    borderRight: "1px solid var(--border)",
  },
  ".cm-activeLine": { backgroundColor: "var(--active-line)" },
  ".cm-activeLineGutter": { backgroundColor: "var(--active-line)", color: "var(--text)" },
  "&.cm-focused .cm-cursor": { borderLeftColor: "var(--text)" },
  "&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection": {
    backgroundColor: "var(--selection) !important",
  },
  ".cm-tooltip": {
    backgroundColor: "var(--surface)",
    color: "var(--text)",
    border: "1px solid var(--border)",
  },
  ".cm-panels": { backgroundColor: "var(--surface)", color: "var(--text)" },
  ".cm-searchMatch": { backgroundColor: "var(--search-match)" },
  // The lint extension draws its underlines and gutter markers as data: SVG images, which the
  // page's CSP refuses (img-src falls back to default-src 'self'): the same marks in plain CSS.
  ".cm-lintRange": {
    backgroundImage: "none",
    textDecorationLine: "underline",
    textDecorationStyle: "wavy",
    textDecorationSkipInk: "none",
    textDecorationThickness: "1px",
    textUnderlineOffset: "3px",
  },
  ".cm-lintRange-error": { backgroundImage: "none", textDecorationColor: "var(--error)" },
  ".cm-lintRange-warning": { backgroundImage: "none", textDecorationColor: "var(--warning)" },
  ".cm-lintRange-info": { backgroundImage: "none", textDecorationColor: "var(--info)" },
  ".cm-lintRange-hint": { backgroundImage: "none", textDecorationColor: "var(--muted)" },
  ".cm-lint-marker-error": { content: "normal", borderRadius: "50%", backgroundColor: "var(--error)" },
  ".cm-lint-marker-warning": {
    content: "normal",
    backgroundColor: "var(--warning)",
    clipPath: "polygon(50% 5%, 100% 95%, 0 95%)",
  },
  ".cm-lint-marker-info": { content: "normal", backgroundColor: "var(--info)", transform: "scale(0.8)" },
});

/**
 * The editor the Rust app drives. `hooks` holds the Rust side:
 * - change(text, version): the document changed (every keystroke);
 * - complete(text, pos, explicit): { from, to, options: [...] } or undefined;
 * - hover(text, pos): { from, to, path, owner, type, default, allowed, description, versionNote }
 *   or undefined (completion and hover answer for the Kubernetes version chosen in the page).
 */
export class EditorHandle {
  constructor(parent, text, hooks) {
    this.parent = parent;
    this.hooks = hooks;
    this.version = 0;
    const completionSource = (context) => {
      const result = hooks.complete(context.state.doc.toString(), context.pos, context.explicit);
      if (!result) return null;
      const options = result.options.map((o) => {
        const base = { label: o.label, detail: o.detail, info: o.info || undefined, type: o.type, boost: o.boost };
        return o.snippet ? snippetCompletion(o.apply, base) : { ...base, apply: o.apply };
      });
      return { from: result.from, to: result.to, options, validFor: /^[\w\-./+]*$/ };
    };
    const hover = hoverTooltip(
      (view, pos) => {
        const h = hooks.hover(view.state.doc.toString(), pos);
        if (!h) return null;
        return { pos: h.from, end: h.to, above: true, create: () => ({ dom: renderHover(h) }) };
      },
      { hoverTime: 250 },
    );
    const quickFixKey = {
      key: "Mod-.",
      run: (view) => {
        const head = view.state.selection.main.head;
        let fix = null;
        forEachDiagnostic(view.state, (d, from, to) => {
          if (!fix && from <= head && head <= to && d.actions && d.actions.length) fix = d.actions[0];
        });
        if (!fix) return false;
        fix.apply(view, head, head);
        return true;
      },
    };
    this.view = new EditorView({
      parent,
      state: EditorState.create({
        doc: text,
        extensions: [
          lineNumbers(),
          foldGutter(),
          lintGutter(),
          highlightSpecialChars(),
          history(),
          drawSelection(),
          dropCursor(),
          EditorState.allowMultipleSelections.of(true),
          indentOnInput(),
          indentUnit.of("  "),
          EditorState.tabSize.of(2),
          syntaxHighlighting(classHighlighter),
          bracketMatching(),
          closeBrackets(),
          autocompletion({ override: [completionSource], icons: true }),
          rectangularSelection(),
          crosshairCursor(),
          highlightActiveLine(),
          highlightActiveLineGutter(),
          highlightSelectionMatches(),
          hover,
          yaml(),
          theme,
          // tabindex: the editable area is what makes the scroller keyboard-reachable, and axe
          // (scrollable-region-focusable) counts only elements with a tabindex or native focus.
          EditorView.contentAttributes.of({ "aria-label": "Manifest (YAML)", "data-testid": "editor-content", tabindex: "0" }),
          keymap.of([
            quickFixKey,
            ...closeBracketsKeymap,
            ...defaultKeymap,
            ...searchKeymap,
            ...historyKeymap,
            ...foldKeymap,
            ...completionKeymap,
            ...lintKeymap,
            indentWithTab,
          ]),
          // CodeMirror catches what its listeners, completion and hover sources throw and only
          // logs it; a WebAssembly trap (the release build's panic) is thrown again from a new
          // task, where the page's trap report (web/src/page.js onWasmTrap) sees it.
          EditorView.exceptionSink.of((error) => {
            if (error instanceof WebAssembly.RuntimeError) {
              setTimeout(() => {
                throw error;
              });
            } else {
              console.error(error);
            }
          }),
          EditorView.updateListener.of((update) => {
            if (!update.docChanged) return;
            this.version += 1;
            this.parent.dataset.docVersion = String(this.version);
            hooks.change(update.state.doc.toString(), this.version);
          }),
        ],
      }),
    });
    // A scripting hook for end-to-end tests and measurements: the element knows its editor.
    parent.jobscopeEditor = this;
  }

  getText() {
    return this.view.state.doc.toString();
  }

  /** Replaces the whole text as one change; Ctrl+Z brings the previous text back. */
  setText(text) {
    this.view.dispatch({
      changes: { from: 0, to: this.view.state.doc.length, insert: text },
      selection: { anchor: 0 },
      userEvent: "input.replace",
      scrollIntoView: true,
    });
  }

  /**
   * Shows the Rust analysis of document version `version`: underlines, gutter markers and
   * hover text. A list computed for an older version is dropped (its offsets are stale).
   */
  setDiagnostics(version, list) {
    if (version !== this.version) return false;
    const length = this.view.state.doc.length;
    const diagnostics = list.map((d) => ({
      from: Math.min(d.from, length),
      to: Math.min(Math.max(d.to, d.from), length),
      severity: d.severity,
      source: d.source,
      message: d.message,
      renderMessage: () => renderDiagnostic(d),
      actions: d.fixes.map((fix) => ({
        name: fix.title,
        apply: (view) => applyEdits(view, fix.edits),
      })),
    }));
    this.view.dispatch(setDiagnostics(this.view.state, diagnostics));
    this.parent.dataset.diagnosticsVersion = String(version);
    this.parent.dispatchEvent(
      new CustomEvent("jobscope-diagnostics", { detail: { version, count: diagnostics.length } }),
    );
    return true;
  }

  /** Moves the cursor (selects `from..to`), scrolls it into view and focuses the editor. */
  select(from, to) {
    const length = this.view.state.doc.length;
    const anchor = Math.min(from, length);
    const head = Math.min(Math.max(to, from), length);
    this.view.dispatch({ selection: { anchor, head }, scrollIntoView: true });
    this.view.focus();
  }

  applyEdits(edits) {
    return applyEdits(this.view, edits);
  }

  focus() {
    this.view.focus();
  }

  destroy() {
    this.view.destroy();
    delete this.parent.jobscopeEditor;
  }
}

/** Mounts a CodeMirror editor in `parent` with `text`, wired to the app's `hooks`. */
export function createEditor(parent, text, hooks) {
  return new EditorHandle(parent, text, hooks);
}
