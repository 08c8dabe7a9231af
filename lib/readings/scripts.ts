// Scripts in a PDF, found and removed. A PDF can carry JavaScript that a viewer runs when the
// document opens (/OpenAction), when a page or field is shown or changed (/AA, "additional
// actions"), when a link is followed (/A), from the document-level /JavaScript name tree, or
// inside an XFA form; a /Launch action asks the viewer to start a program. None of it belongs in
// a reading, and members open readings on shared and prison-issued devices.
//
// We strip rather than refuse (docs/decisions/029-pdf-readings.md): publishers' and word
// processors' exports often carry a harmless script (print on open, form arithmetic), and
// "save it again without scripts" is a task a volunteer may not know how to do. The walk covers
// every object pdf-lib parsed, object streams included, so a script cannot hide in an
// unreferenced object. Whoever strips must then save, load the result again and find nothing:
// if anything is still found, the upload is refused instead.
import { PDFArray, PDFDict, PDFName, PDFRef, PDFStream, type PDFContext, type PDFObject } from "pdf-lib";

const SCRIPT_ACTIONS = new Set(["/JavaScript", "/Launch"]);
/** Keys that hold scripts or script triggers wherever they appear. */
const SCRIPT_KEYS = ["JS", "AA", "JavaScript", "XFA"].map((k) => PDFName.of(k));
/** Keys that hold an action (or, for /Next, one or several). */
const ACTION_KEYS = ["A", "OpenAction", "Next"].map((k) => PDFName.of(k));
const S = PDFName.of("S");

function dictOf(object: PDFObject | undefined): PDFDict | undefined {
  if (object instanceof PDFDict) return object;
  if (object instanceof PDFStream) return object.dict;
  return undefined;
}

function isScriptAction(context: PDFContext, object: PDFObject | undefined): boolean {
  const dict = dictOf(object instanceof PDFRef ? context.lookup(object) : object);
  if (!dict) return false;
  const type = dict.get(S);
  return (type instanceof PDFName && SCRIPT_ACTIONS.has(type.asString())) || dict.has(PDFName.of("JS"));
}

/** Every dictionary in the document, direct ones inside others included. */
function* dictionaries(context: PDFContext): Generator<PDFDict> {
  const stack: PDFObject[] = context.enumerateIndirectObjects().map(([, object]) => object);
  while (stack.length > 0) {
    const object = stack.pop()!;
    const dict = dictOf(object);
    if (dict) {
      yield dict;
      for (const [, value] of dict.entries()) if (!(value instanceof PDFRef)) stack.push(value);
    } else if (object instanceof PDFArray) {
      for (const value of object.asArray()) if (!(value instanceof PDFRef)) stack.push(value);
    }
  }
}

/** What scripts the document holds, as short descriptions ("/OpenAction", "/JS"); empty when none. */
export function findScripts(context: PDFContext): string[] {
  const found = new Set<string>();
  for (const dict of dictionaries(context)) {
    for (const key of SCRIPT_KEYS) if (dict.has(key)) found.add(key.asString());
    const type = dict.get(S);
    if (type instanceof PDFName && SCRIPT_ACTIONS.has(type.asString())) found.add(type.asString());
    for (const key of ACTION_KEYS) if (isScriptAction(context, dict.get(key))) found.add(key.asString());
  }
  return [...found].sort();
}

/** Removes every script and script trigger, in place. Returns how many places were changed. */
export function stripScripts(context: PDFContext): number {
  let changed = 0;
  const doomed: PDFRef[] = [];
  for (const [ref, object] of context.enumerateIndirectObjects()) if (isScriptAction(context, object)) doomed.push(ref);
  // Decided before anything changes: removing an action's /S below must not make it look harmless.
  const scriptRefs = new Set(doomed);
  const isScript = (value: PDFObject | undefined) => (value instanceof PDFRef ? scriptRefs.has(value) : isScriptAction(context, value));
  for (const dict of [...dictionaries(context)]) {
    for (const key of ACTION_KEYS) {
      const value = dict.get(key);
      if (isScript(value)) {
        dict.delete(key);
        changed++;
      } else if (key === ACTION_KEYS[2] && value instanceof PDFArray) {
        for (let i = value.size() - 1; i >= 0; i--) {
          if (isScript(value.get(i))) {
            value.remove(i);
            changed++;
          }
        }
      }
    }
    for (const key of SCRIPT_KEYS) {
      const value = dict.get(key);
      if (value === undefined) continue;
      // A script's text may sit in its own stream object: that goes too.
      if (value instanceof PDFRef) doomed.push(value);
      dict.delete(key);
      changed++;
    }
    const type = dict.get(S);
    if (type instanceof PDFName && SCRIPT_ACTIONS.has(type.asString())) {
      dict.delete(S);
      changed++;
    }
  }
  for (const ref of doomed) context.delete(ref);
  return changed + doomed.length;
}
