'use client';
import { useCallback, useEffect, useState } from 'react';
import { ErrorAlert, Loading } from '@/app/components/alerts';
import { gql } from '@/app/lib/graphql-client';
import { errorMessage } from '@/app/lib/form-errors';
import { useProject } from '../project-context';
import { ActivityCard } from './activity-card';
import { DetailsCard } from './details-card';
import { MembersCard } from './members-card';
import { MembershipCard } from './membership-card';
import { PROJECT_OVERVIEW, type OverviewData } from './types';

export function Overview() {
  const { projectId, error: projectError, reload: reloadBasics } = useProject();
  const [data, setData] = useState<OverviewData | null>(null);
  const [loadError, setLoadError] = useState<string>();

  const load = useCallback(async () => {
    try {
      setData(await gql(PROJECT_OVERVIEW, { id: projectId }));
      setLoadError(undefined);
    } catch (e) {
      setLoadError(errorMessage(e));
    }
  }, [projectId]);

  useEffect(() => {
    void load();
  }, [load]);

  /** After a write: the overview, and the shared header (name, my role) may have changed too. */
  const refresh = useCallback(async () => {
    await Promise.all([load(), reloadBasics()]);
  }, [load, reloadBasics]);

  if (projectError) return null;
  if (!data) return loadError ? <ErrorAlert>{loadError}</ErrorAlert> : <Loading what="the project" />;
  const overview = data.project;
  return (
    <div className="layout-sidebar">
      <div>
        <DetailsCard project={overview} onChanged={refresh} />
        <MembersCard project={overview} myUserId={data.me?.id ?? null} onChanged={refresh} />
      </div>
      <div>
        <ActivityCard events={overview.activity} projectId={overview.id} />
        <MembershipCard project={overview} />
      </div>
    </div>
  );
}
