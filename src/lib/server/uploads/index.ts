export { receiveUpload, type IncomingForm, type ReceivedUpload } from './receive';
export { deleteUpload, uploadDto, type UploadDto, type UploadOwner } from './store';
export { openDownload, type Download } from './download';
export { uploadPolicies, type FileExt } from './policy';
export { declaresTooLargeBody } from './body-limit';
