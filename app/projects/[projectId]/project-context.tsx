'use client';
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { graphql, type ResultOf } from '@/app/lib/graphql';
import { gql, GraphQLRequestError } from '@/app/lib/graphql-client';

interface ProjectContextValue {
  projectId: string;
  /** null while loading or when it could not be loaded (see `error`). */
  project: ProjectBasics | null;
  error: GraphQLRequestError | null;
  /** Call after a change to the name, description or the caller's role. */
  reload(): Promise<void>;
  canWrite: boolean;
  canManage: boolean;
}

const PROJECT_BASICS = graphql(`
  query ProjectBasics($id: ID!) { project(id: $id) { id name description myRole } }
`);

export type ProjectBasics = ResultOf<typeof PROJECT_BASICS>['project'];

const ProjectContext = createContext<ProjectContextValue | null>(null);

/**
 * Every tab of a project page shares its name and the caller's role. Tabs use `canWrite` / `canManage`
 * to hide controls the caller may not use; the server refuses them anyway.
 */
export function ProjectProvider({ projectId, children }: { projectId: string; children: ReactNode }) {
  const [project, setProject] = useState<ProjectBasics | null>(null);
  const [error, setError] = useState<GraphQLRequestError | null>(null);

  const reload = useCallback(async () => {
    try {
      const data = await gql(PROJECT_BASICS, { id: projectId });
      setProject(data.project);
      setError(null);
    } catch (e) {
      setProject(null);
      setError(e instanceof GraphQLRequestError ? e : new GraphQLRequestError(String(e), 'INTERNAL_SERVER_ERROR'));
    }
  }, [projectId]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const role = project?.myRole;
  const value: ProjectContextValue = {
    projectId,
    project,
    error,
    reload,
    canWrite: role === 'owner' || role === 'editor',
    canManage: role === 'owner',
  };
  return <ProjectContext.Provider value={value}>{children}</ProjectContext.Provider>;
}

export function useProject(): ProjectContextValue {
  const value = useContext(ProjectContext);
  if (!value) throw new Error('useProject() must be used inside a project page');
  return value;
}
