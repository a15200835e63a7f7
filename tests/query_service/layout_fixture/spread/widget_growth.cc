#include "widget.h"

void Widget::Grow(int by) { size_ += by; }
