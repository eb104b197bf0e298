import { Placeholder } from '../../../components/Placeholder';

export default function Register() {
  return <Placeholder title='实名登记' />;
}
