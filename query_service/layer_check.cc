// An empty program. query_service/CMakeLists.txt links every object of one
// layer's library into it against that layer's declared dependencies only,
// so that a layer using a symbol of a layer above it fails to link.
int main() { return 0; }
