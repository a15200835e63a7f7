// A class whose members are defined in two .cc files: check_layout.py must
// refuse it (tests/query_service/CMakeLists.txt). Never compiled.
#ifndef DOCSEARCH_TESTS_LAYOUT_FIXTURE_WIDGET_H_
#define DOCSEARCH_TESTS_LAYOUT_FIXTURE_WIDGET_H_

class Widget {
 public:
  int Size() const;
  void Grow(int by);

 private:
  int size_ = 0;
};

#endif  // DOCSEARCH_TESTS_LAYOUT_FIXTURE_WIDGET_H_
