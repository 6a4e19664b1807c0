import { ElMessageBox } from 'element-plus';
import 'element-plus/es/components/message-box/style/css';
import { t } from './i18n.js';

/** Asks before what cannot be undone (a delete, an uninstall), its button red: true once confirmed, false if cancelled. */
export async function confirmDanger(message, title, action) {
  try {
    await ElMessageBox.confirm(message, title,
      { type: 'warning', confirmButtonText: action, cancelButtonText: t('common.cancel'), confirmButtonClass: 'el-button--danger' });
    return true;
  } catch {
    return false; // cancelled
  }
}
