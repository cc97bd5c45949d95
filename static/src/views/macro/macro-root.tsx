import { lazy, Suspense } from 'react';
import { t } from '../../app/i18n';
import { EmptyState, LoadingState } from '../../components/states';
import { parseMacroConfig } from './config';
import { MacroView } from './macro-view';
import './macro.css';

/** Editors open the dialog now and then; readers never do: it loads on demand. */
const MacroConfigDialog = lazy(() => import('./macro-config'));

/**
 * The macro's two faces: its custom config dialog (context.extension.macro.isConfiguring), or what the
 * page embeds, from context.extension.config; a short prompt until it has been configured.
 */
export function MacroRoot({ configuring, config }: { configuring: boolean; config: unknown }) {
  const parsed = parseMacroConfig(config);
  if (configuring) {
    return (
      <Suspense
        fallback={
          <main className="cad-view">
            <LoadingState label={t('macro.root.loadingSettings')} />
          </main>
        }
      >
        <MacroConfigDialog initial={parsed} />
      </Suspense>
    );
  }
  if (parsed === undefined) {
    return (
      <main className="cad-view cad-view--compact">
        <EmptyState title={t('macro.root.unconfigured.title')} description={t('macro.root.unconfigured.description')} />
      </main>
    );
  }
  return <MacroView config={parsed} />;
}
