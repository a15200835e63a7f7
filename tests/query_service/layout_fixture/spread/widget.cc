#include "widget.h"

int Widget::Size() const { return size_; }
