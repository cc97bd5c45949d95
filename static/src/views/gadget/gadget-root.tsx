import { lazy, Suspense } from 'react';
import { t } from '../../app/i18n';
import { EmptyState, LoadingState } from '../../components/states';
import { parseGadgetConfig } from './config';
import { GadgetView } from './gadget-view';

/** The edit view is opened once per gadget: it loads on demand. */
const GadgetEdit = lazy(() => import('./gadget-edit'));

export function GadgetRoot({
  editing,
  config,
  accountId,
}: {
  editing: boolean;
  config: unknown;
  accountId: string | undefined;
}) {
  const parsed = parseGadgetConfig(config);
  if (editing) {
    return (
      <Suspense
        fallback={
          <main className="cad-view cad-view--compact">
            <LoadingState label={t('gadget.loadingSettings')} />
          </main>
        }
      >
        <GadgetEdit initial={parsed} />
      </Suspense>
    );
  }
  if (parsed === undefined) {
    return (
      <main className="cad-view cad-view--compact">
        <EmptyState title={t('gadget.unconfigured.title')} description={t('gadget.unconfigured.description')} />
      </main>
    );
  }
  return <GadgetView config={parsed} accountId={accountId} />;
}
