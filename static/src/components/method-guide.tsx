import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { KeyboardEvent, MouseEvent, ReactNode } from 'react';
import { createPortal } from 'react-dom';
import type { Locale } from '../../../src/contract';
import { currentLocale, t } from '../app/i18n';
import { Button } from './button';
import { wrapTab } from './dialog-tab';
import { plainText, sectionOf } from './guide-doc';
import type { GuideDoc, GuideElement, GuideNode } from './guide-doc';
import { ErrorState, LoadingState } from './states';
import './method-guide.css';

/**
 * The guide in the viewer's language, each its own chunk (static/guide/markdown-to-guide.cjs turns the
 * markdown into the tree at build time), fetched the first time someone asks "Why?".
 */
const LOADERS: Readonly<Record<Locale, () => Promise<{ default: GuideDoc }>>> = {
  'en-US': () => import('../../../docs/okr-method.md?guide'),
  'nl-NL': () => import('../../../docs/okr-method.nl.md?guide'),
};

/** Element ids in the dialog: prefixed, as the guide's anchors are rule ids the page may use too. */
const domId = (anchor: string): string => `cad-guide-${anchor}`;

type Load = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; doc: GuideDoc };

const useGuide = (): [Load, () => void] => {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    LOADERS[currentLocale()]().then(
      (m) => {
        if (live) setLoad({ status: 'ready', doc: m.default });
      },
      (error: unknown) => {
        if (live) setLoad({ status: 'error', error });
      },
    );
    return () => {
      live = false;
    };
  }, [attempt]);
  const retry = useCallback(() => {
    setLoad({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);
  return [load, retry];
};

/**
 * The guide's nodes as React elements, one of a fixed set each. Headings move down `shift` levels (the
 * dialog's title is the h2); links to an anchor stay in the dialog (`follow`).
 */
const render = (node: GuideNode, key: number, shift: number, follow: (anchor: string) => void): ReactNode => {
  if (typeof node === 'string') return node;
  const children = (node.c ?? []).map((n, i) => render(n, i, shift, follow));
  switch (node.t) {
    case 'h2':
    case 'h3':
    case 'h4': {
      const level = Math.min(6, Number(node.t.slice(1)) + shift);
      const Heading = `h${String(level)}` as 'h3' | 'h4' | 'h5' | 'h6';
      return (
        <Heading key={key} id={node.id === undefined ? undefined : domId(node.id)} className="cad-guide__heading">
          {children}
        </Heading>
      );
    }
    case 'a': {
      const anchor = (node.href ?? '#').slice(1);
      const onClick = (e: MouseEvent) => {
        e.preventDefault();
        follow(anchor);
      };
      return (
        <a key={key} href={`#${domId(anchor)}`} onClick={onClick}>
          {children}
        </a>
      );
    }
    case 'table':
      // Scrolls sideways on its own in a narrow dialog instead of widening it.
      return (
        <div key={key} className="cad-guide__table">
          <table>{children}</table>
        </div>
      );
    case 'p':
    case 'ul':
    case 'ol':
    case 'li':
    case 'thead':
    case 'tbody':
    case 'tr':
    case 'th':
    case 'td':
    case 'strong':
    case 'em':
    case 'code': {
      const Tag = node.t;
      return <Tag key={key}>{children}</Tag>;
    }
  }
};

const blocksOf = (blocks: readonly GuideElement[], shift: number, follow: (anchor: string) => void) =>
  blocks.map((b, i) => render(b, i, shift, follow));

/**
 * The method guide in a modal dialog (a native <dialog> shown with showModal, WAI-ARIA APG "Dialog
 * (Modal)"), opened at one section (a quality check's rule id, or a topic), with a way to the whole
 * guide. Portalled to the body, so it sits above the side panel; it keeps every key to itself, so the
 * panel's Escape and Tab handling never see them. Escape or Close ends it; the caller puts focus back.
 */
export default function MethodGuide({ anchor, onClose }: { anchor: string; onClose: () => void }) {
  const headingId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const [load, retry] = useGuide();
  const [at, setAt] = useState(anchor);
  const [whole, setWhole] = useState(false);
  const doc = load.status === 'ready' ? load.doc : undefined;
  const section = doc === undefined || whole ? undefined : sectionOf(doc, at);
  // An anchor the guide lacks (never, test/ui/method-guide.test.ts) still opens the guide.
  const showWhole = doc !== undefined && section === undefined;

  useLayoutEffect(() => {
    const el = dialog.current;
    if (el !== null && !el.open) el.showModal();
    return () => {
      el?.close();
    };
  }, []);

  // Stays on top: the side panel shows itself again (modal or not) when the frame's width crosses its
  // breakpoint, which would put it above the guide it opened; the guide then shows itself again too.
  useEffect(() => {
    const el = dialog.current;
    if (el === null) return;
    const observer = new MutationObserver((records) => {
      const above = records.some((r) => r.target !== el && r.target instanceof HTMLDialogElement && r.target.open);
      if (!above || !el.open) return;
      const focused = document.activeElement;
      el.close();
      el.showModal();
      if (focused instanceof HTMLElement && el.contains(focused)) focused.focus({ preventScroll: true });
      else heading.current?.focus({ preventScroll: true });
    });
    observer.observe(document.body, { attributes: true, attributeFilter: ['open'], subtree: true });
    return () => {
      observer.disconnect();
    };
  }, []);

  // The title takes focus when the dialog opens and when it moves to another section.
  useEffect(() => {
    if (!showWhole) heading.current?.focus({ preventScroll: true });
  }, [at, showWhole, doc]);

  // In the whole guide, the section asked about is scrolled to the top.
  useEffect(() => {
    if (!showWhole) return;
    const target = document.getElementById(domId(doc.anchors[at] ?? ''));
    if (target === null) {
      heading.current?.focus({ preventScroll: true });
      return;
    }
    target.scrollIntoView({ block: 'start' });
    target.tabIndex = -1;
    target.focus({ preventScroll: true });
  }, [showWhole, at, doc]);

  // Closed natively first: while a modal dialog is open the rest is inert and cannot take focus back.
  const end = () => {
    dialog.current?.close();
    onClose();
  };

  const follow = useCallback((next: string) => {
    setAt(next);
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLDialogElement>) => {
    e.stopPropagation();
    if (e.key === 'Escape') {
      e.preventDefault();
      end();
      return;
    }
    if (dialog.current !== null) wrapTab(e, dialog.current, heading.current);
  };

  const title = doc === undefined ? t('guide.title') : section === undefined ? doc.title : plainText(section.heading);

  return createPortal(
    <dialog
      ref={dialog}
      className="cad-guide"
      aria-labelledby={headingId}
      aria-modal="true"
      lang={currentLocale()}
      onKeyDown={onKeyDown}
      onCancel={(e) => {
        e.preventDefault();
      }}
    >
      <div className="cad-guide__head">
        <h2 id={headingId} ref={heading} tabIndex={-1} className="cad-heading-medium cad-guide__title">
          {title}
        </h2>
        <Button appearance="subtle" onClick={end}>
          {t('guide.close')}
        </Button>
      </div>
      <div className="cad-guide__body" data-guide-mode={showWhole ? 'whole' : 'section'}>
        {load.status === 'loading' ? (
          <LoadingState inline label={t('guide.loading')} />
        ) : load.status === 'error' ? (
          <ErrorState error={load.error} reload={retry} title={t('guide.loadFailed')} />
        ) : section !== undefined ? (
          <div className="cad-guide__text" data-section={section.id}>
            {blocksOf(section.blocks, 1, follow)}
          </div>
        ) : (
          <div className="cad-guide__text">{blocksOf(load.doc.blocks, 1, follow)}</div>
        )}
      </div>
      {section === undefined ? null : (
        <div className="cad-guide__foot">
          <Button
            appearance="link"
            onClick={() => {
              setWhole(true);
            }}
          >
            {t('guide.whole')}
          </Button>
        </div>
      )}
    </dialog>,
    document.body,
  );
}
