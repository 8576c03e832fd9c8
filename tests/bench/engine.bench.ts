// Engine speed: the interface recomputes on every keystroke, so one computation of a large model must fit in
// a frame (target: median under 16 ms for 200 outcomes over 10 years).
import { computeSroi } from '../../shared/engine';
import { ProjectFile } from '../../shared/model';
import { generatedProject } from '../support/generated-model';
import { median, report } from './measure';

const project = generatedProject(200, 10);
const file = { schemaVersion: 1, project };

for (let i = 0; i < 20; i++) computeSroi(project); // warm-up, as in a running app

const computeTimes: number[] = [];
for (let i = 0; i < 100; i++) {
  const start = performance.now();
  computeSroi(project);
  computeTimes.push(performance.now() - start);
}
const validateTimes: number[] = [];
for (let i = 0; i < 50; i++) {
  const start = performance.now();
  computeSroi(ProjectFile.parse(file).project);
  validateTimes.push(performance.now() - start);
}
report('engine: compute 200 outcomes x 10 years (median of 100)', median(computeTimes), 'ms', 16);
report('engine: validate + compute 200 outcomes x 10 years (median of 50)', median(validateTimes), 'ms', 16);
