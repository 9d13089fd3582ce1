// The pipeline screen's part of the hash route: #/pipeline, #/pipeline/<id>, #/pipeline/<id>/list,
// #/pipeline/<id>/numbers, and #/pipeline?view=numbers for the first pipeline's numbers. src-renderer/routes.ts delegates to these two functions, so the
// screen owns its address without the router knowing its views.

export const pipelineViews = ['board', 'list', 'numbers'] as const;
export type PipelineView = (typeof pipelineViews)[number];

export interface PipelineLocation {
  /** Absent: the first pipeline. */
  pipelineId?: string;
  view: PipelineView;
}

/** `parts` are the decoded hash segments after "pipeline"; `queryView` the `view` of its query, if any. */
export function parsePipelinePath(parts: readonly string[], queryView?: string | null): PipelineLocation {
  const [pipelineId, view] = parts;
  const known = pipelineViews.find((candidate) => candidate === view) ?? 'board';
  if (pipelineId) return { pipelineId, view: known };
  return { view: pipelineViews.find((candidate) => candidate === queryView) ?? 'board' };
}

export function pipelineHash(location: { pipelineId?: string; view?: PipelineView }): string {
  // The first pipeline in a view other than the board: the view rides in the query, since a path
  // segment there would read as a pipeline's id.
  if (!location.pipelineId) return location.view && location.view !== 'board' ? `#/pipeline?view=${location.view}` : '#/pipeline';
  const view = location.view && location.view !== 'board' ? `/${location.view}` : '';
  return `#/pipeline/${encodeURIComponent(location.pipelineId)}${view}`;
}
