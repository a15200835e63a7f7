// A reader/writer lock that ThreadSanitizer can see (SearchIndex serializes
// its writers with it; the document store guards its context pool), and
// scoped guards for it.
//
// Normally an absl::Mutex (writer-fair, so a stream of searches cannot
// starve ingestion). Under ThreadSanitizer it is a pthread rwlock that
// prefers writers instead: Debian's Abseil is built without TSan, so TSan
// cannot see absl::Mutex's acquire/release and reports every access it
// guards as a race, while pthread rwlocks are intercepted. The locking
// discipline TSan checks (which data each lock guards) is the same with
// either. (glibc's default rwlock, std::shared_mutex, prefers readers:
// searches in a loop starved the writers of the concurrency test.)
#ifndef DOCSEARCH_QUERY_SERVICE_INDEX_READER_WRITER_LOCK_H_
#define DOCSEARCH_QUERY_SERVICE_INDEX_READER_WRITER_LOCK_H_

#include "absl/base/thread_annotations.h"

#if defined(__SANITIZE_THREAD__)
#include <pthread.h>
#else
#include "absl/synchronization/mutex.h"
#endif

namespace docsearch::query {

class ABSL_LOCKABLE ReaderWriterLock {
 public:
#if defined(__SANITIZE_THREAD__)
  ReaderWriterLock() {
    pthread_rwlockattr_t attributes;
    pthread_rwlockattr_init(&attributes);
    pthread_rwlockattr_setkind_np(&attributes, PTHREAD_RWLOCK_PREFER_WRITER_NONRECURSIVE_NP);
    pthread_rwlock_init(&mu_, &attributes);
    pthread_rwlockattr_destroy(&attributes);
  }
  ~ReaderWriterLock() { pthread_rwlock_destroy(&mu_); }
  ReaderWriterLock(const ReaderWriterLock&) = delete;
  ReaderWriterLock& operator=(const ReaderWriterLock&) = delete;
  void Lock() ABSL_EXCLUSIVE_LOCK_FUNCTION() { pthread_rwlock_wrlock(&mu_); }
  void Unlock() ABSL_UNLOCK_FUNCTION() { pthread_rwlock_unlock(&mu_); }
  void ReaderLock() ABSL_SHARED_LOCK_FUNCTION() { pthread_rwlock_rdlock(&mu_); }
  void ReaderUnlock() ABSL_UNLOCK_FUNCTION() { pthread_rwlock_unlock(&mu_); }

 private:
  pthread_rwlock_t mu_;
#else
  void Lock() ABSL_EXCLUSIVE_LOCK_FUNCTION() { mu_.Lock(); }
  void Unlock() ABSL_UNLOCK_FUNCTION() { mu_.Unlock(); }
  void ReaderLock() ABSL_SHARED_LOCK_FUNCTION() { mu_.ReaderLock(); }
  void ReaderUnlock() ABSL_UNLOCK_FUNCTION() { mu_.ReaderUnlock(); }

 private:
  absl::Mutex mu_;
#endif
};

// Holds `lock` exclusively for its lifetime.
class ABSL_SCOPED_LOCKABLE WriterGuard {
 public:
  explicit WriterGuard(ReaderWriterLock* lock) ABSL_EXCLUSIVE_LOCK_FUNCTION(lock) : lock_(lock) {
    lock_->Lock();
  }
  ~WriterGuard() ABSL_UNLOCK_FUNCTION() { lock_->Unlock(); }
  WriterGuard(const WriterGuard&) = delete;
  WriterGuard& operator=(const WriterGuard&) = delete;

 private:
  ReaderWriterLock* const lock_;
};

// Holds `lock` shared for its lifetime.
class ABSL_SCOPED_LOCKABLE ReaderGuard {
 public:
  explicit ReaderGuard(ReaderWriterLock* lock) ABSL_SHARED_LOCK_FUNCTION(lock) : lock_(lock) {
    lock_->ReaderLock();
  }
  ~ReaderGuard() ABSL_UNLOCK_FUNCTION() { lock_->ReaderUnlock(); }
  ReaderGuard(const ReaderGuard&) = delete;
  ReaderGuard& operator=(const ReaderGuard&) = delete;

 private:
  ReaderWriterLock* const lock_;
};

}  // namespace docsearch::query

#endif  // DOCSEARCH_QUERY_SERVICE_INDEX_READER_WRITER_LOCK_H_
