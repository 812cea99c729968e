export const previewUsage = 'x';
export async function previewCommand() {
  return 0;
}
