// The API docs page comes from Scalar's template, whose <html> names no language: its text is Vietnamese.
document.documentElement.lang = 'vi';
