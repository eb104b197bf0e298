// The review pages' action button is the app's one keyboard-operable button (components/Form/ActionButton.tsx),
// re-exported so their imports stay short. That one also holds a press while `loading`.
export { ActionButton } from '../../../components/Form/ActionButton';
