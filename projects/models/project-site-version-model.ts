// One version of a project's site (project_site_versions, append-only): who set it, when and why. The
// geometry itself is written and read by PostGIS SQL (`projects/sites/`), never through the model.
import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';
import { numberOrNull } from './number-column';

export class ProjectSiteVersion extends Model<
  InferAttributes<ProjectSiteVersion>,
  InferCreationAttributes<ProjectSiteVersion>
> {
  declare id: CreationOptional<number>;
  declare projectId: number;
  declare versionNo: number;
  declare reason: string;
  declare createdBy: number | null;
  declare createdAt: CreationOptional<Date>;
}

/** A class of its own per Sequelize instance, as the Project model. */
export function defineProjectSiteVersion(sequelize: Sequelize): typeof ProjectSiteVersion {
  const bound = class extends ProjectSiteVersion {};
  bound.init(
    {
      // bigserial arrives as a string; the getter gives a number
      id: {
        type: DataTypes.BIGINT,
        primaryKey: true,
        autoIncrement: true,
        get(this: ProjectSiteVersion): number {
          return numberOrNull(this.getDataValue('id')) as number;
        },
      },
      projectId: { type: DataTypes.INTEGER, allowNull: false },
      versionNo: { type: DataTypes.INTEGER, allowNull: false, validate: { min: 1 } },
      reason: { type: DataTypes.TEXT, allowNull: false, validate: { notEmpty: true } },
      createdBy: { type: DataTypes.INTEGER, allowNull: true },
      createdAt: DataTypes.DATE,
    },
    {
      sequelize,
      modelName: 'ProjectSiteVersion',
      tableName: 'project_site_versions',
      // a version is never changed after it is written (a trigger refuses it)
      updatedAt: false,
    },
  );
  return bound;
}
