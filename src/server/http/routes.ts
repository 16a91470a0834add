import type { FastifyInstance } from 'fastify';
import { assessmentRoutes } from '../assessments/routes';
import { calendarRoutes } from '../calendar/routes';
import { authRoutes } from '../auth/routes';
import { groupCycleRoutes } from '../group-cycle/routes';
import { groupRoutes } from '../groups/routes';
import { meetingRoutes } from '../meetings/routes';
import { notificationRoutes } from '../notifications/routes';
import { schoolRoutes } from '../school/routes';
import { studentRoutes } from '../students/routes';
import { supportRoutes } from '../support/routes';
import { supportReportRoutes } from '../support/reports';

/** Every capability registers its routes here. */
export async function registerRoutes(app: FastifyInstance) {
  await app.register(authRoutes);
  await app.register(studentRoutes);
  await app.register(groupRoutes);
  await app.register(schoolRoutes);
  await app.register(assessmentRoutes);
  await app.register(groupCycleRoutes);
  await app.register(supportRoutes);
  await app.register(supportReportRoutes);
  await app.register(notificationRoutes);
  await app.register(meetingRoutes);
  await app.register(calendarRoutes);
}
