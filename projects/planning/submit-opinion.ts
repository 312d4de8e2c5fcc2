// A department's opinion on an open task it was invited to: checked in full before anything is written,
// then in one transaction (the task row locked, so a conclusion cannot slip in between) the opinion row, its
// drawing and its files. A second opinion of the department is a revision superseding its current one.
import { QueryTypes } from 'sequelize';
import type { Principal } from '../../accounts';
import type { RecordStore } from '../record-store';
import type { AttachmentStore, ReceivedFile } from './attachment-store';
import { checkConditions } from './condition-checks';
import { checkOpinionGeometry } from './opinion-geometry';
import { parseOpinion } from './opinion-input';
import { conflict, forbidden, invalid } from './planning-error';
import { regionalAreas, reuseProposal } from './regional-reuse';
import { beijingToday, departmentOf, requireTask, userIdOf } from './task-access';

const INSERT_GEOMETRY =
  'INSERT INTO planning_opinion_geometries (opinion_id, geom) VALUES ($1::bigint, ST_SetSRID(ST_GeomFromGeoJSON($2::text), 4490))';

export async function submitOpinion(
  store: RecordStore,
  files: AttachmentStore,
  taskId: number,
  input: unknown,
  received: ReceivedFile[],
  principal: Principal,
): Promise<number> {
  const department = departmentOf(principal);
  const opinion = parseOpinion(input);
  const { sequelize, models } = store;
  const geometry = opinion.geometry ? await checkOpinionGeometry(sequelize, opinion.geometry) : null;
  let added: string[] = [];
  try {
    return await sequelize.transaction(async (transaction) => {
      const { task, project } = await requireTask(models, taskId, principal, transaction);
      if (task.status !== 'open')
        throw conflict(`策划任务${task.id}已办结，不再接受意见 / planning task ${task.id} is closed`, {
          parameter: 'id',
          status: task.status,
        });
      const invited = await models.PlanningTaskDepartment.findOne({
        where: { taskId: task.id, departmentId: department.id },
        transaction,
      });
      if (!invited)
        throw forbidden(
          `${department.name}未被邀请参加此策划任务 / department ${department.code} is not invited to task ${task.id}`,
          { parameter: 'department', value: department.code },
        );
      const siteVersionId = project.currentSiteVersionId;
      const proposal = reuseProposal(
        await regionalAreas(sequelize, siteVersionId, beijingToday(), transaction),
      );
      const reused = opinion.reusedAssessments.map((assessment, i) => {
        const proposed = proposal.find((p) => p.assessment.code === assessment.code);
        if (!proposed)
          throw invalid(
            `“${assessment.name}”不在可复用的区域评估成果中 / ${assessment.code} is not proposed for reuse on this site`,
            { parameter: `reusedAssessments[${i}]`, value: assessment.code },
          );
        return proposed;
      });
      const checks = await checkConditions(sequelize, opinion.conditions, siteVersionId, transaction);
      const current = await models.PlanningOpinion.findOne({
        where: { taskId: task.id, departmentId: department.id },
        order: [['id', 'DESC']],
        transaction,
      });
      added = await files.keep(received);
      const row = await models.PlanningOpinion.create(
        {
          taskId: task.id,
          departmentId: department.id,
          authorId: userIdOf(principal),
          text: opinion.text,
          conditionItems: opinion.conditions,
          conditionChecks: checks,
          requiredAssessments: opinion.requiredAssessments.map((a) => a.name),
          reusedAssessments: reused,
          attachments: received.map((f) => ({
            name: f.name,
            mediaType: f.mediaType,
            sizeBytes: f.sizeBytes,
            sha256: f.sha256,
          })),
          siteVersionId,
          supersedesId: current?.id ?? null,
        },
        { transaction },
      );
      if (geometry)
        await sequelize.query(INSERT_GEOMETRY, {
          bind: [row.id, geometry],
          type: QueryTypes.INSERT,
          transaction,
        });
      return row.id;
    });
  } catch (error) {
    await files.discard(added);
    throw error;
  }
}
