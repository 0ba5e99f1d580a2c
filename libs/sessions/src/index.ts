export * from './sessions.module';
export * from './schedule/regular-schedule';
export * from './session/session.entity';
export * from './session/session.model';
export * from './session/session.rules';
export * from './session/session.service';
export * from './attendance/attendance.entity';
export * from './session/session.inputs';
export { AttendanceRepository } from './attendance/attendance.repository';
