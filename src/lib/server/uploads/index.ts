export { receiveUpload, type IncomingForm, type ReceivedUpload } from './receive';
export { deleteUpload, uploadDto, type UploadDto, type UploadOwner } from './store';
export { openDownload, type Download } from './download';
export { uploadPolicies, largestUploadRequestBytes, type FileExt } from './policy';
