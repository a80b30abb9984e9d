// mamori（守り）: runs a Japanese local public body's information security policy.
#include "app/app.h"

int main(int argc, char** argv) { return mamori::app::Main(argc, argv); }
