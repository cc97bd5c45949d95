// Types of markdown-to-guide.cjs (the tree's shape is static/src/components/guide-doc.ts's).
import type { GuideDoc, GuideElement, GuideNode, GuideTag } from '../src/components/guide-doc';

export type { GuideDoc, GuideElement, GuideNode, GuideTag };
export declare const markdownToGuide: (source: string) => GuideDoc;
export declare const methodGuidePlugin: () => unknown;
export declare const GUIDE_FILES: Readonly<Record<'en-US' | 'nl-NL', string>>;
export declare const BLOCKS: readonly GuideTag[];
export declare const INLINES: readonly GuideTag[];
