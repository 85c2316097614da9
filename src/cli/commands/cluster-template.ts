import { clusterTemplatePath, makeClusterTemplate } from '../../db/pglite-cluster-template.js';

/** cairn cluster-template: the empty embedded cluster a first start loads instead of running initdb (run by `npm run build`). */
export async function clusterTemplateCommand() {
  const path = clusterTemplatePath();
  const bytes = await makeClusterTemplate(path);
  console.log(`Empty embedded cluster written: ${path} (${(bytes / 1e6).toFixed(1)} MB).`);
}
