export { vue as default } from '@kesu/eslint-config';
