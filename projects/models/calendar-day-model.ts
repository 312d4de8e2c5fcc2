// A day that differs from the Monday-to-Friday rule: a public holiday, or a weekend day worked instead
// (调休上班). Time limits in working days are counted with these (calendar_exceptions, migrations 007, 021).
import {
  DataTypes,
  Model,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';

export class CalendarDay extends Model<InferAttributes<CalendarDay>, InferCreationAttributes<CalendarDay>> {
  /** YYYY-MM-DD */
  declare day: string;
  declare isWorkingDay: boolean;
  declare note: string;
}

export function defineCalendarDay(sequelize: Sequelize): typeof CalendarDay {
  const bound = class extends CalendarDay {};
  bound.init(
    {
      day: { type: DataTypes.DATEONLY, primaryKey: true },
      isWorkingDay: { type: DataTypes.BOOLEAN, allowNull: false },
      note: { type: DataTypes.TEXT, allowNull: false, defaultValue: '' },
    },
    { sequelize, modelName: 'CalendarDay', tableName: 'calendar_exceptions', timestamps: false },
  );
  return bound;
}
