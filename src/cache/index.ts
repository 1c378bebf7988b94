export {cacheKey, codeFingerprint, fingerprintOf} from './key.js'
export {noCache, memoryCache, folderCache, defaultCacheDir, type CacheStore, type CacheStats} from './store.js'
export {storeMessages, restoreMessages, type StoredMessage} from './messages.js'
