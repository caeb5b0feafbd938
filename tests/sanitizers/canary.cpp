// SPDX-License-Identifier: GPL-3.0-or-later
// The sanitizer build's canaries: each mode commits one error of a kind the sanitizers are there
// to catch. CTest passes a mode only when the sanitizer's report names it, so a build that lost
// its sanitizer flags fails here instead of passing every other test unchecked.
#include <climits>
#include <cstdio>
#include <cstring>

namespace {

struct Base
{
    virtual ~Base() = default;
};

struct Derived : Base
{
    int value = 0;
    int read() const { return value; }
};

volatile int sink = 0;
int *volatile held = nullptr;

int heapOverflow()
{
    int *array = new int[4] {};
    volatile int index = 4;
    sink = array[index];
    delete[] array;
    return 0;
}

int useAfterFree()
{
    held = new int(1);
    delete held;
    sink = *held;
    return 0;
}

int leak()
{
    held = new int[64] {};
    held = nullptr;
    return 0;
}

int signedOverflow()
{
    volatile int value = INT_MAX;
    sink = value + 1;
    return 0;
}

// The kind of error the suite's first sanitized run found: a derived class's member function
// called on an object that is only its base, as a slot runs while its window is destroyed.
int badDowncast()
{
    Base base;
    Base *volatile pointer = &base;
    sink = static_cast<Derived *>(pointer)->read();
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    const char *mode = argc > 1 ? argv[1] : "";
    if (std::strcmp(mode, "heap-overflow") == 0)
        return heapOverflow();
    if (std::strcmp(mode, "use-after-free") == 0)
        return useAfterFree();
    if (std::strcmp(mode, "leak") == 0)
        return leak();
    if (std::strcmp(mode, "signed-overflow") == 0)
        return signedOverflow();
    if (std::strcmp(mode, "bad-downcast") == 0)
        return badDowncast();
    std::fprintf(stderr,
                 "usage: %s heap-overflow|use-after-free|leak|signed-overflow|bad-downcast\n",
                 argv[0]);
    return 2;
}
