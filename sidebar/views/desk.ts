// The order desk view (built in ./desk/).
export { deskView } from './desk/view';
