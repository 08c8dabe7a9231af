"use client";
// Saves a draft while the member types, and never loses it:
// - a save starts 800 ms after typing pauses; one save runs at a time, and text typed during
//   a save is saved right after it;
// - every change is also written to this device (localStorage) first, so a closed tab, a
//   reload or a lost connection keeps the text; on the next visit a local copy newer than
//   the server's draft is restored and saved;
// - failed saves retry every 5 s and when the browser comes back online;
// - leaving the page with text not yet saved asks first.
// The timing lives in a small class outside React, so re-renders never reset a pending save.
import { useEffect, useState } from "react";

/** `live` is a save made on this page (so its time can be shown in the reader's own clock). */
export type SaveState = { kind: "idle" } | { kind: "saving" } | { kind: "saved"; at: Date; live: boolean } | { kind: "offline" } | { kind: "error" };

export type SaveFn = (text: string) => Promise<{ ok: true; savedAt: Date } | { ok: false; offline: boolean }>;

type LocalCopy = { text: string; at: number };

export function readLocalCopy(key: string): LocalCopy | null {
  try {
    const raw = window.localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as LocalCopy) : null;
  } catch {
    return null;
  }
}

function writeLocalCopy(key: string, text: string) {
  try {
    window.localStorage.setItem(key, JSON.stringify({ text, at: Date.now() } satisfies LocalCopy));
  } catch {
    // Storage full or disabled: the server save still runs.
  }
}

function clearLocalCopy(key: string) {
  try {
    window.localStorage.removeItem(key);
  } catch {
    /* nothing to clear */
  }
}

class DraftSaver {
  private save: SaveFn;
  private latest: string;
  private lastSaved: string;
  private inFlight = false;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly storageKey: string,
    savedText: string,
    save: SaveFn,
    private readonly setState: (state: SaveState) => void,
  ) {
    this.latest = savedText;
    this.lastSaved = savedText;
    this.save = save;
  }

  pending = () => this.latest !== this.lastSaved;

  /** The page passes a new save function on each render; the latest one is used. */
  setSave = (save: SaveFn) => {
    this.save = save;
  };

  change = (text: string) => {
    this.latest = text;
    writeLocalCopy(this.storageKey, text);
    this.schedule(800);
  };

  flush = async (): Promise<void> => {
    this.cancel();
    if (this.inFlight || !this.pending()) return;
    this.inFlight = true;
    const text = this.latest;
    this.setState({ kind: "saving" });
    let result: Awaited<ReturnType<SaveFn>>;
    try {
      result = await this.save(text);
    } catch {
      result = { ok: false, offline: true };
    }
    this.inFlight = false;
    if (result.ok) {
      this.lastSaved = text;
      this.setState({ kind: "saved", at: result.savedAt, live: true });
      if (this.pending()) void this.flush(); // typed more while saving
      else clearLocalCopy(this.storageKey);
    } else {
      this.setState({ kind: result.offline ? "offline" : "error" });
      this.schedule(5000);
    }
  };

  /** After a submit the server has this text: nothing is pending, no draft to speak of. */
  markSubmitted = (text: string) => {
    this.lastSaved = text;
    if (!this.pending()) {
      this.cancel();
      clearLocalCopy(this.storageKey);
    }
    this.setState({ kind: "idle" });
  };

  dispose = () => this.cancel();

  private schedule(ms: number) {
    this.cancel();
    this.timer = setTimeout(() => void this.flush(), ms);
  }

  private cancel() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}

export function useAutosave(options: { storageKey: string; savedText: string; savedAt: Date | null; save: SaveFn }) {
  const [state, setState] = useState<SaveState>(options.savedAt ? { kind: "saved", at: options.savedAt, live: false } : { kind: "idle" });
  const [saver] = useState(() => new DraftSaver(options.storageKey, options.savedText, options.save, setState));

  useEffect(() => {
    saver.setSave(options.save);
  });

  useEffect(() => {
    const online = () => void saver.flush();
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (saver.pending()) event.preventDefault();
    };
    window.addEventListener("online", online);
    window.addEventListener("beforeunload", beforeUnload);
    return () => {
      window.removeEventListener("online", online);
      window.removeEventListener("beforeunload", beforeUnload);
      saver.dispose();
    };
  }, [saver]);

  return { state, change: saver.change, flush: saver.flush, markSubmitted: saver.markSubmitted };
}
