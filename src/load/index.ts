export {loadContent, contentFromFiles} from './content.js'
export type {ContentSource} from './content.js'
