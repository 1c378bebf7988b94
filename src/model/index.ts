export type * from './types.js'
export {idPattern, isValidId} from './ids.js'
export {plainText} from './plain-text.js'
export {buildDocument, allSections, documentText} from './build.js'
